# A handler logs and re-raises with bare raise.
def risky(n):
    return [10, 20][n]
try:
    print(risky(1))
    print(risky(2))
except IndexError as e:
    print('logging:', e)
    raise
