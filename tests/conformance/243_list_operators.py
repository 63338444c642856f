# List concatenation, repetition, comparison and aliasing.
a = [1, 2]
b = a + [3]
print(a, b, a * 3, [0] * 4, [] * 5, 2 * ['x'])
grid = [[0] * 3] * 2
grid[0][0] = 9
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 9
print(grid)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [2] > [1, 9], [1] < [1, 0])
alias = a
a += [3]
print(alias)
a = a + [4]
print(alias, a)
x = [1, 2, 3]
y = x
x = x * 2
print(y, x)
z = [1]
z *= 3
print(z)
print(len([[]] * 3), [[]] * 2, list('ab') + list('cd'))
