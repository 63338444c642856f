# A module's body runs once; its state is shared by every importer.
print('before first import')
import helper_counter
print('after first import')
import helper_counter
import helper_counter as hc
print('after repeated imports', hc is helper_counter)
print(helper_counter.bump(), helper_counter.bump(), hc.bump())
print(helper_counter.count)
helper_counter.count = 100
print(hc.bump())
from helper_counter import bump
print(bump(), hc.count)
import helper_uses_counter
print(helper_uses_counter.double_bump(), hc.count)
