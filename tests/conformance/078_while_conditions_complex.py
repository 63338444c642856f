# while loops driven by compound conditions and state.
hp, enemy_hp, turn = 20, 25, 0
while hp > 0 and enemy_hp > 0 and turn < 20:
    turn += 1
    enemy_hp -= 4 if turn % 3 else 9
    if enemy_hp <= 0:
        break
    hp -= 3
print(turn, hp, enemy_hp, 'win' if enemy_hp <= 0 else 'lose')
stack = [[1, [2, 3]], [4], 5]
flat = []
while stack:
    top = stack.pop()
    if isinstance(top, list):
        stack.extend(reversed(top))
    else:
        flat.append(top)
print(flat)
n, steps = 27, 0
while n != 1 and steps < 1000:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print('collatz 27:', steps)
lo, hi = 0, 100
guesses = 0
while lo <= hi:
    mid = (lo + hi) // 2
    guesses += 1
    if mid == 37:
        break
    lo, hi = (mid + 1, hi) if mid < 37 else (lo, mid - 1)
print('found 37 in', guesses)
