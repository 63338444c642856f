# assert statements, with and without messages.
def withdraw(balance, amount):
    assert amount > 0, f'amount must be positive, got {amount}'
    assert amount <= balance, 'insufficient funds'
    return balance - amount
print(withdraw(100, 30))
for amt in [-5, 500]:
    try:
        withdraw(100, amt)
    except AssertionError as e:
        print('AssertionError:', e, e.args)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print('no message:', repr(e), e.args)
assert True, 'never raised'
assert [1], 'non-empty list is truthy'
try:
    assert None, ('tuple', 'message')
except AssertionError as e:
    print(e.args)
count = 0
def side():
    global count
    count += 1
    return 'msg'
assert count == 0, side()
print('message not evaluated when assert passes:', count)
