"""Invented reports of one event by several outlets, with the right speaker of every quote (None: nobody is)."""
from __future__ import annotations

HERALD = """Dam talks stall as Kessel blames the valley, ministry says

By HELGA MORN
The Marrowby Herald

MARROWBY - The ministry's handling of the Orlen dam crisis, laid bare in a tense meeting between Water Minister Oskar Tallin and Mayor Helena Vasko, is pushing the two sides further apart, the ministry said Sunday.

"The new plan is changing every assumption we had about the reservoir," ministry spokesman Ivo Brandt told Radio Veldt on Sunday. "This largely matches our own survey."

But on Sunday, as mayors gathered in Cresthaven, Brandt said the ministry was still open to a compromise.

"There is a long way to go because years of neglect have weakened the whole structure," he said. "But if the will of both offices holds, the repairs can be quick."

The meeting stunned local officials. Engineer Pavel Drummond called it "a slow-motion disaster." Blogger Edda Ramsland, the founder of Valley Notes, wrote "the valley has seen floods, but never a meeting like this."

Others were scornful. Former Governor Anton Welk scoffed at the "paper promises" of the ministry, and regional spokeswoman Nadia Ferrow marveled at the "patience" of the residents. Tallin's "careless, arrogant manner," she wrote, "has put every village downstream at risk."

A senior ministry official, who spoke on condition of anonymity to discuss internal planning, told the Herald that engineers had been shocked by the "sheer volume" of water and praised Vasko's "calm, practical approach." But he cautioned that new barriers were "ideas rather than commitments."

"Tallin has said the treasury will release emergency funds," he said. "But only after the audit."

A retired engineer close to the dam's operators told the Herald that the crews are split between those who want to drain the reservoir and those who see "a last chance to save the old spillway."
"""

POST = """Mayor says ministry 'ignores the valley'

by Cresthaven Post staff

Mayor Helena Vasko accused the ministry on Saturday of "ignoring the valley" after her meeting with Water Minister Oskar Tallin collapsed.

Tallin said the town was "not in a strong position right now" and accused Vasko of "gambling with people's homes," saying about Veldoria reaching a deal with its lenders, "You either sign the terms or you are on your own."

The collapse has drawn criticism in the capital, with Sen. Ingrid Solberg, D-Kessel, saying the ministry "appears to be ignoring the engineers" and Rep. Tomas Hale, R-Marrowby, telling Radio Veldt on Sunday the government is "becoming a bystander to its own disaster."

Key Background

The Cresthaven Post reported Friday that the ministry no longer treats the dam as a priority. Tallin told Radio Veldt on Sunday that evacuations have not "been part of our planning" so far, but argued, "There will be every kind of help to get families home."

Veldoria has long described the water levy as a "necessity" for the region.

CORRECTION (5/3): This article has been updated to clarify when the meeting took place.
"""

TIMES = """Valley mayor and minister trade blame over Orlen dam

Kessel - The quarrel over the Orlen dam has turned bitter. Ivo Brandt, the ministry's chief spokesman, said in an interview aired on Radio Veldt that the valley had ignored repeated warnings.

In remarks reported by the Northgate Times, Brandt described the meeting as proof of bad faith. "The mayor's office and Helena Vasko do not want an agreement," he asserted. "They want the crisis to continue."

Vasko, speaking at a rally in Marrowby, rejected that account. "Nobody in my office has refused a meeting," she said. "We asked for the survey and we are still waiting."

The minister's critics go beyond the valley. Economist Rasmus Kjeld told the Times that the repairs "will cost twice what anyone admits."

"Oskar Tallin is a careful man," Kjeld said, "but careful men still miss deadlines."

Aid to Kessel has slowed since the spring, and Kessel and its allies have not said when it will resume.
"""

WIRE = """Tessaly Wire - Dam repairs could take a year, engineers say

Engineers at the Orlen dam said on Monday that repairs could take a year. "We have patched the worst cracks," said Marta Oyelaran, the site's chief engineer. "The rest needs a dry season."

Oyelaran said the crews had worked through the weekend. "Nobody has slept more than four hours," she added.

Radio Veldt reported that the ministry would send extra pumps. Deputy Minister Lars Odegaard told the Wire on Monday: "The pumps leave the depot tonight."

"We will not abandon the valley," Odegaard said.

Residents remain uneasy. "I have packed my car twice this month," said Ylva Brenner, who runs a bakery below the dam.
"""

VOICE = """Valley Voice: the week the dam talks broke

Mayor Helena Vasko has a simple message for the capital. "Come and see the water yourselves," she told reporters on Tuesday.

Her deputy, Jonas Riel, was blunter. "The ministry has treated us like a nuisance," Riel said. He added that the town would "keep every door open" for talks.

Minister Oskar Tallin called the mayor's demands "theatre," and his spokesman Ivo Brandt described the rally as "a show for the cameras."

"We are not going anywhere," Vasko said. "This is our home."

A spokeswoman for the regional council, Nadia Ferrow, said the council would meet on Friday. "Every option is on the table," the spokeswoman said.
"""

LEDGER = """Orlen dam: engineers count the cost

A senior engineer at the site told the Ledger on Tuesday that Marta Oyelaran had ordered the spillway closed. But he said the order was "a precaution, not a verdict."

"Nobody expected the rain to last a week," he said.

Officials in Northgate said the town would open two shelters. They called the forecast "grim but manageable."

The Tallin ministry said in a statement that the grant was "on its way."
"""

GAZETTE = """Spillway shut for a week as inspectors weigh in

The harbour master said on Wednesday that the barges would wait at Kessel. "No boat passes the dam until the engineers sign off," the harbour master said.

Police say two roads below the dam are closed. "Drivers should use the ridge road instead," police said in a notice.

"The spillway gates show corrosion on every hinge we examined," the inspectors' report says. According to the report, the repairs "cannot wait for the spring."

Said Drummond: "We have patched worse, but never in this weather."

"I have lived here all my life and never seen the river this high," said Rolf Amsel, a ferryman. Later that evening, Signe Varga took the stage at the town hall and thanked the rescue crews. "We owe them every dry house in this valley."

"The pumps are running day and night," Ivo Brandt said.  According to Dagny Holm, "the night shift has not seen a single pump stop."

Reporters asked about Brandt's claim that the dam had "never been safer" than this spring. The engineers' union is pressing the ministry over what they call a "reckless timetable."

A statement from the ministry repeated a controversial claim that described the valley's complaints as "noise." Any reasonable engineer would call that "a risk worth avoiding," one columnist wrote.
"""

BULLETIN = """Relief barges reach Orlen as the council bickers

By Ada Lind
Valley Bulletin

Council leader Rasmus Kjeld described the water minister as a "stubborn obstacle" after she blamed the delays on "wilful sabotage" by the contractors.

Mayor Helena Vasko nodded and said yes, over and over, as Kjeld went on about "a rigged tender" and "our forgotten villages."

Engineer Pavel Drummond, who cruised to a "comfortable and well-earned" re-election last spring, decried the "reckless pace" of the works.

Kjeld argued that if the minister stays "the valley will drown" and that he fears "the same fate for the lower towns."
"""

COURIER = """Orlen relief: the ferry couple, the minister and the week of letters

Helena Vasko and her husband Anton Vasko have run the valley ferry for twenty years. Helena Vasko spoke first at the hearing on Monday, and Water Minister Oskar Tallin listened.

Mr. Vasko told the council on Monday that the ferry had been "left to rot by the ministry."

"The dam deal is a fraud," Ivo Brandt said on the radio show "Valley Morning." "Listening to the minister, you would think the reservoir was full of money."

While Tallin admitted on Tuesday that the repairs would be "very hard" to finish this year, his ministry has argued that the barges could still run.

"We said the water would come," Rasmus Kjeld said on Monday. "They told us we were wrong." His deputy, Pavel Drummond, struck the same note. "This is a sad week for the valley," Drummond said.

Nadia Ferrow sent Tallin a photograph of the flooded square. Tallin answers Ferrow with, "Why now? Was that the night of the storm?" Ferrow then writes back, "You look tired in it."
"""

REPORTS: dict[str, str] = {"herald": HERALD, "post": POST, "times": TIMES, "wire": WIRE, "voice": VOICE, "ledger": LEDGER,
                           "gazette": GAZETTE, "bulletin": BULLETIN, "courier": COURIER}

# (report, words inside the quote, the right speaker or None when nobody is)
GOLD: list[tuple[str, str, str | None]] = [
    ("herald", "changing every assumption", "Ivo Brandt"),
    ("herald", "largely matches our own survey", "Ivo Brandt"),
    ("herald", "long way to go because years", "Ivo Brandt"),
    ("herald", "will of both offices holds", "Ivo Brandt"),
    ("herald", "slow-motion disaster", "Pavel Drummond"),
    ("herald", "seen floods, but never", "Edda Ramsland"),
    ("herald", "paper promises", "Anton Welk"),
    ("herald", "patience", "Nadia Ferrow"),
    ("herald", "careless, arrogant manner", "Nadia Ferrow"),
    ("herald", "put every village downstream", "Nadia Ferrow"),
    ("herald", "sheer volume", "A senior ministry official"),
    ("herald", "calm, practical approach", "A senior ministry official"),
    ("herald", "ideas rather than commitments", "A senior ministry official"),
    ("herald", "treasury will release emergency funds", "A senior ministry official"),
    ("herald", "only after the audit", "A senior ministry official"),
    ("herald", "last chance to save the old spillway", "A retired engineer"),
    ("post", "ignoring the valley", "Helena Vasko"),
    ("post", "not in a strong position", "Oskar Tallin"),
    ("post", "gambling with people", "Oskar Tallin"),
    ("post", "You either sign the terms", "Oskar Tallin"),
    ("post", "ignoring the engineers", "Ingrid Solberg"),
    ("post", "bystander to its own disaster", "Tomas Hale"),
    ("post", "been part of our planning", "Oskar Tallin"),
    ("post", "every kind of help", "Oskar Tallin"),
    ("post", "necessity", None),
    ("times", "do not want an agreement", "Ivo Brandt"),
    ("times", "want the crisis to continue", "Ivo Brandt"),
    ("times", "Nobody in my office", "Helena Vasko"),
    ("times", "asked for the survey", "Helena Vasko"),
    ("times", "cost twice what anyone admits", "Rasmus Kjeld"),
    ("times", "is a careful man", "Rasmus Kjeld"),
    ("times", "careful men still miss deadlines", "Rasmus Kjeld"),
    ("wire", "patched the worst cracks", "Marta Oyelaran"),
    ("wire", "needs a dry season", "Marta Oyelaran"),
    ("wire", "slept more than four hours", "Marta Oyelaran"),
    ("wire", "pumps leave the depot", "Lars Odegaard"),
    ("wire", "not abandon the valley", "Lars Odegaard"),
    ("wire", "packed my car twice", "Ylva Brenner"),
    ("voice", "see the water yourselves", "Helena Vasko"),
    ("voice", "treated us like a nuisance", "Jonas Riel"),
    ("voice", "keep every door open", "Jonas Riel"),
    ("voice", "theatre", "Oskar Tallin"),
    ("voice", "show for the cameras", "Ivo Brandt"),
    ("voice", "not going anywhere", "Helena Vasko"),
    ("voice", "This is our home", "Helena Vasko"),
    ("voice", "Every option is on the table", "Nadia Ferrow"),
    ("ledger", "a precaution, not a verdict", "A senior engineer at the site"),
    ("ledger", "rain to last a week", "A senior engineer at the site"),
    ("ledger", "grim but manageable", "Officials in Northgate"),
    ("gazette", "No boat passes the dam", "the harbour master"),
    ("gazette", "use the ridge road", "police"),
    ("gazette", "corrosion on every hinge", "the inspectors' report"),
    ("gazette", "cannot wait for the spring", "the report"),
    ("gazette", "patched worse, but never", "Drummond"),
    ("gazette", "never seen the river this high", "Rolf Amsel"),
    ("gazette", "pumps are running day and night", "Ivo Brandt"),
    ("gazette", "night shift has not seen", "Dagny Holm"),
    ("gazette", "never been safer", "Ivo Brandt"),
    ("gazette", "reckless timetable", "the engineers' union"),
    ("bulletin", "stubborn obstacle", "Rasmus Kjeld"),
    ("bulletin", "comfortable and well-earned", None),  # framed by a verb that neither speaks nor takes a stand
    ("bulletin", "reckless pace", "Pavel Drummond"),
    ("bulletin", "the valley will drown", "Rasmus Kjeld"),
    ("bulletin", "same fate for the lower towns", "Rasmus Kjeld"),
    ("courier", "left to rot by the ministry", "Anton Vasko"),  # "Mr. Vasko" is not Helena Vasko
    ("courier", "The dam deal is a fraud", "Ivo Brandt"),
    ("courier", "Listening to the minister", "Ivo Brandt"),  # after a title that ended its sentence
    ("courier", "very hard", "Oskar Tallin"),  # not the verb the adverbial clause hangs from
    ("courier", "We said the water would come", "Rasmus Kjeld"),
    ("courier", "They told us we were wrong", "Rasmus Kjeld"),  # not carried back from Drummond
    ("courier", "This is a sad week", "Pavel Drummond"),
    ("courier", "Why now", "Oskar Tallin"),  # the cue after it opens the next quotation
    ("courier", "You look tired", "Nadia Ferrow"),
]
# (report, words inside the quote, someone who must not be given them)
NOT_THEIRS: list[tuple[str, str, str]] = [
    ("ledger", "on its way", "Oskar Tallin"),
    ("ledger", "a precaution, not a verdict", "Marta Oyelaran"),
    ("herald", "careless, arrogant manner", "Oskar Tallin"),
    ("times", "do not want an agreement", "Helena Vasko"),
    ("gazette", "every dry house", "Rolf Amsel"),
    ("gazette", "noise", "a controversial claim"),
    ("gazette", "a risk worth avoiding", "Any reasonable engineer"),
    ("bulletin", "wilful sabotage", "Rasmus Kjeld"),  # in a clause of its own under his cue
    ("bulletin", "a rigged tender", "Helena Vasko"),
    ("courier", "left to rot", "Helena Vasko"),
    ("courier", "They told us we were wrong", "Pavel Drummond"),
    ("courier", "Why now", "Nadia Ferrow"),
    ("courier", "Listening to the minister", "Valley Morning"),
]

# Places never speak; outlets are where quotations appeared, never who said them.
PLACES = {"Kessel", "Veldoria", "Marrowby", "Cresthaven", "Northgate"}
OUTLETS = {"Radio Veldt", "Cresthaven Post", "Herald", "Marrowby Herald", "Northgate Times", "Times", "Wire",
           "Tessaly Wire", "Ledger"}
# Roles expected beside a speaker's name.
ROLES: list[tuple[str, str, str]] = [
    ("herald", "seen floods, but never", "Blogger"),
    ("herald", "paper promises", "Former Governor"),
    ("herald", "changing every assumption", "ministry spokesman"),
]
