# Building strings: concatenation, join, f-strings, methods.
def build(n):
    parts = []
    for i in range(n):
        parts.append(f"item-{i}:{i * 3}")
    text = ",".join(parts)
    words = text.split(",")
    upper = 0
    for w in words:
        if w.upper().startswith("ITEM-1"):
            upper += 1
    return len(text), upper

print(build(150000))
