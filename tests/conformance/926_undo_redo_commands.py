# Real world: a level editor with undoable commands.
class Command:
    def do(self, level):
        raise NotImplementedError
    def undo(self, level):
        raise NotImplementedError
class Place(Command):
    def __init__(self, pos, tile):
        self.pos, self.tile, self.prev = pos, tile, None
    def do(self, level):
        self.prev = level.get(self.pos, '.')
        level[self.pos] = self.tile
    def undo(self, level):
        level[self.pos] = self.prev
    def __repr__(self):
        return f'Place{self.pos}={self.tile}'
class Fill(Command):
    def __init__(self, cells, tile):
        self.cells, self.tile, self.prev = cells, tile, {}
    def do(self, level):
        self.prev = {c: level.get(c, '.') for c in self.cells}
        for c in self.cells:
            level[c] = self.tile
    def undo(self, level):
        level.update(self.prev)
    def __repr__(self):
        return f'Fill({len(self.cells)})={self.tile}'
class Editor:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.level = {}
        self.undo_stack, self.redo_stack = [], []
    def run(self, cmd):
        cmd.do(self.level)
        self.undo_stack.append(cmd)
        self.redo_stack.clear()
    def undo(self):
        if not self.undo_stack:
            return 'nothing to undo'
        cmd = self.undo_stack.pop()
        cmd.undo(self.level)
        self.redo_stack.append(cmd)
        return f'undid {cmd!r}'
    def redo(self):
        if not self.redo_stack:
            return 'nothing to redo'
        cmd = self.redo_stack.pop()
        cmd.do(self.level)
        self.undo_stack.append(cmd)
        return f'redid {cmd!r}'
    def render(self):
        return '/'.join(''.join(self.level.get((x, y), '.') for x in range(self.w)) for y in range(self.h))
ed = Editor(4, 3)
ed.run(Fill([(x, 0) for x in range(4)], '#'))
ed.run(Place((1, 1), '@'))
ed.run(Place((0, 0), 'D'))
print(ed.render())
print(ed.undo(), '|', ed.render())
print(ed.undo(), '|', ed.render())
print(ed.redo(), '|', ed.render())
ed.run(Place((3, 2), '$'))
print(ed.redo(), '|', ed.render())
print(ed.undo(), ed.undo(), ed.undo(), ed.undo(), sep=' | ')
print(ed.render(), ed.redo_stack)
