# Lists as stacks and queues.
stack = []
for op in ['push 1', 'push 2', 'pop', 'push 3', 'push 4', 'pop', 'pop']:
    if op.startswith('push'):
        stack.append(int(op.split()[1]))
    else:
        print('popped', stack.pop())
print('stack', stack, 'top', stack[-1])
queue = ['a', 'b', 'c']
queue.append('d')
print(queue.pop(0), queue.pop(0), queue)
def balanced(s):
    pairs = {')': '(', ']': '[', '}': '{'}
    st = []
    for ch in s:
        if ch in '([{':
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
for s in ['([]{})', '([)]', '((', '', 'a(b)c']:
    print(repr(s), balanced(s))
