# Real world: an in-game bank with custom exceptions and a transaction log.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f'{account.owner} cannot pay {amount} (balance {account.balance})')
        self.shortfall = amount - account.balance
class FrozenAccount(BankError):
    pass
class Account:
    def __init__(self, owner, balance=0):
        self.owner, self.balance, self.frozen = owner, balance, False
        self.log = []
    def _check(self, amount):
        if self.frozen:
            raise FrozenAccount(f'{self.owner} is frozen')
        if not isinstance(amount, int) or amount <= 0:
            raise ValueError(f'bad amount {amount!r}')
    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        self.log.append(('+', amount))
    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.log.append(('-', amount))
def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
        try:
            dst.deposit(amount)
        except BankError:
            src.deposit(amount)
            raise
    except InsufficientFunds as e:
        return f'failed: {e} short by {e.shortfall}'
    except BankError as e:
        return f'failed: {type(e).__name__}: {e}'
    except ValueError as e:
        return f'rejected: {e}'
    else:
        return f'ok: {src.owner} -> {dst.owner} {amount}'
    finally:
        print(f'  [audit] {src.owner}={src.balance} {dst.owner}={dst.balance}')
ann, bob = Account('ann', 100), Account('bob', 20)
print(transfer(ann, bob, 30))
print(transfer(bob, ann, 500))
print(transfer(ann, bob, -5))
bob.frozen = True
print(transfer(ann, bob, 10))
print(transfer(ann, bob, 2.5))
print(ann.log, bob.log)
