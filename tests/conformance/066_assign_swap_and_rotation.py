# Swaps, rotations and evaluation order of assignments.
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
arr = [5, 6]
i, arr[i] = 1, 99
print(i, arr)
x = [1, 2, 3]
x[0], x[1] = x[1], x[0]
print(x)
fib_a, fib_b = 0, 1
for _ in range(10):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a, fib_b)
