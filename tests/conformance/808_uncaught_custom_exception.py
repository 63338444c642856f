# Uncaught user-defined exception.
class QuestError(Exception):
    pass
class QuestNotFound(QuestError):
    def __init__(self, quest_id):
        super().__init__(f'quest {quest_id} does not exist')
        self.quest_id = quest_id
QUESTS = {1: 'Rescue the cat'}
def start(quest_id):
    if quest_id not in QUESTS:
        raise QuestNotFound(quest_id)
    print('starting', QUESTS[quest_id])
start(1)
start(42)
