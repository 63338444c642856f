# Helper module that itself imports another helper module.
import helper_counter
def double_bump():
    helper_counter.bump()
    return helper_counter.bump()
