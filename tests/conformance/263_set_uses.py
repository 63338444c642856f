# Typical uses of sets: dedupe, membership, visited tracking.
items = ['b', 'a', 'c', 'a', 'b', 'd']
print(sorted(set(items)), len(set(items)))
seen = set()
unique_in_order = []
for x in items:
    if x not in seen:
        seen.add(x)
        unique_in_order.append(x)
print(unique_in_order)
graph = {'A': ['B', 'C'], 'B': ['D'], 'C': ['D', 'E'], 'D': ['A'], 'E': []}
visited = set()
order = []
stack = ['A']
while stack:
    node = stack.pop()
    if node in visited:
        continue
    visited.add(node)
    order.append(node)
    stack.extend(reversed(graph[node]))
print(order, sorted(visited))
a_words = set('the cat sat on the mat'.split())
b_words = set('the dog sat on the log'.split())
print(sorted(a_words & b_words), sorted(a_words ^ b_words))
print(sorted({(x, y) for x in range(2) for y in range(2)} - {(0, 0)}))
