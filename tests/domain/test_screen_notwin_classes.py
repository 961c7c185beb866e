"""Not-a-wins by class, as people tell them: what happened to the person, what was avoided or
left undone, harm to others in everyday places, and painful states in concrete words. Each is
met with its own kind reply family and never celebrated; a repair or a next step said after the
struggle is the win, and stays one."""

import pytest

from skill.domain.screen import Kind, screen

# (what is said, the reply family it is met with: the composition's name before the dot)
NOT_WINS = [
    # consequences that happened to the person: sanctions, lapses, losses, services failing
    ("my car got towed from outside the surgery", "pain"),
    ("my wages got garnished over the old tax bill", "pain"),
    ("the bank froze my account over the overdraft", "pain"),
    ("the water company disconnected us over the arrears", "pain"),
    ("i let my driving licence expire and now i cannot drive to work", "pain"),
    ("the vet struck us off the list for not turning up", "pain"),
    ("the shed got broken into last night", "pain"),
    ("i fell for a fake parcel text and they emptied my account", "pain"),
    ("the housing officer closed my case without ringing me", "pain"),
    ("my blue badge application got knocked back again", "pain"),
    # avoidance and things left undone
    ("i binned the letter about my eye test without reading it", "nothing"),
    ("the dentist rang twice and i let it go to voicemail both times", "nothing"),
    ("i cancelled my physio for the fourth time", "nothing"),
    ("i fell down a rabbit hole of old music videos instead of the essay", "nothing"),
    ("the spare room is half painted and abandoned since june", "nothing"),
    ("i broke my walking streak after two hundred days", "nothing"),
    ("the kitchen has fruit flies everywhere and i just leave it", "nothing"),
    # harm to others in small and large ways
    ("i had a go at the bus driver over nothing", "harm"),
    ("i took my mood out on the girl at the pharmacy counter", "harm"),
    ("i parked across the neighbours drive all weekend", "harm"),
    ("i poured the fish tank water and gravel down the drain outside", "harm"),
    ("i propped the fire exit open at work for my mates", "harm"),
    ("i pranked my little brother with a fake text from his teacher", "harm"),
    ("i went through his phone while he was in the shower", "harm"),
    ("i billed the council for repairs i never did", "harm"),
    ("i was short with the nurse on the phone", "harm"),
    ("i let my dog bark all night in the garden", "harm"),
    # painful states in concrete words
    ("i went nonverbal in the meeting and everyone stared", "feeling"),
    ("i burst into tears at the bus stop for no reason", "feeling"),
    ("the whole bank holiday went by and nobody rang", "feeling"),
    ("all my friends are buying houses and i can barely pay my rent", "feeling"),
    ("nobody sat with me at lunch again", "feeling"),
    ("i worked through the weekend again and missed my sons match", "feeling"),
    ("my fibro flare had me stuck on the sofa all day", "pain"),
    ("my dad said my cooking was rubbish in front of my aunties", "pain"),
]

# The same words with a repair or a next step after them: the win.
WINS = [
    "i got a parking fine so i appealed it and won",
    "my passport expired so i filled in the renewal form",
    "the bathroom flooded so i rang the landlord and mopped it up",
    "i ignored the dentist for months but today i rang and booked",
    "i got distracted all morning but i still finished the report",
    "i broke my streak but i started again today",
    "i was sarcastic to the receptionist so i went back and apologised",
    "i had a panic attack but i still did my shop",
    "i cried the whole way there and went to the interview anyway",
    "i had a migraine so i took my meds and rested",
    "i felt lonely so i rang my sister",
    "my boss said my work was brilliant",
    "i took the old sofa to the tip instead of leaving it out",
    "i stayed calm at the dentist and did not cry",
    "i chopped all the onions without crying",
    "i stopped going to the pub every night",
    "i was short with the checkout lady and went back to apologise",
]


@pytest.mark.parametrize(("said", "family"), NOT_WINS)
def test_each_class_is_not_a_win_and_meets_its_own_kind_reply(said: str, family: str) -> None:
    verdict = screen(said, "i")
    assert verdict.kind is Kind.NOT_A_WIN, (said, verdict)
    assert verdict.reason.split(".", 1)[0] == family, (said, verdict)


@pytest.mark.parametrize("said", WINS)
def test_a_repair_or_a_next_step_after_the_struggle_stays_a_win(said: str) -> None:
    assert screen(said, "i").kind is Kind.WIN, (said, screen(said, "i"))
