# Uncaught TypeError with CPython's message for mixed operands.
def label(score):
    return 'Score: ' + score
print(label('10'))
print(label(10))
