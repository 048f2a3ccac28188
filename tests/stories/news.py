"""Invented news reports for the stories tests, and a builder of Annotated objects from them."""
from __future__ import annotations

import re

from newsloom.model import Annotated, Article, Mention


def make(rid: str, text: str, published: str | None = None, entities: dict[str, str] | None = None,
         aliases: dict[str, str] | None = None) -> Annotated:
    """An annotated report whose mentions are every occurrence of the given names (name -> label)."""
    mentions = []
    aliases = aliases or {}
    for name, label in (entities or {}).items():
        for m in re.finditer(re.escape(name), text):
            mentions.append(Mention(name, m.start(), m.end(), label, aliases.get(name, name)))
    mentions.sort(key=lambda m: m.start)
    return Annotated(article=Article(report_id=rid, source=rid + ".txt", text=text, published=published),
                     mentions=mentions)


def substitute(text: str, every: int = 20, offset: int = 7) -> str:
    """Change one word in `every` (about 5%) to a different word, as a sloppy copy-editor would."""
    swaps = ["several", "major", "local", "regional", "severe", "official", "nearby", "central"]
    words = text.split(" ")
    for n, i in enumerate(range(offset, len(words), every)):
        words[i] = swaps[n % len(swaps)]
    return " ".join(words)


MALATYA = {"Malatya": "GPE", "Turkey": "GPE", "AFAD": "ORG", "Yesilyurt": "GPE", "Adiyaman": "GPE",
           "Ali Yerlikaya": "PERSON", "Yerlikaya": "PERSON", "Erdogan": "PERSON"}
QUAKE_TR_1 = (
    "A magnitude 6.4 earthquake struck eastern Turkey's Malatya province early on Monday, killing at "
    "least 23 people and injuring more than 300, the disaster agency AFAD said. The quake hit at 4:17 "
    "a.m. local time at a depth of 10 kilometres near the town of Yesilyurt, according to AFAD. Rescue "
    "teams were pulling survivors from collapsed apartment blocks in Malatya and neighbouring Adiyaman, "
    "where several buildings weakened by last year's disaster gave way. Interior Minister Ali Yerlikaya "
    "said 1,200 rescue workers had been sent to the region. \"We are working to reach every citizen "
    "under the rubble,\" Yerlikaya wrote on social media. President Erdogan said the government would "
    "house the homeless in tents and container cities. Schools in Malatya will stay closed for a week."
)
QUAKE_TR_2 = (
    "Turkey's emergency services were digging through the rubble of toppled homes in Malatya on Monday "
    "after a strong earthquake killed 23 people. AFAD, the country's disaster management authority, "
    "measured the tremor at magnitude 6.4 and said it was centred near Yesilyurt. More than 300 people "
    "were hurt, many of them in Adiyaman. Ali Yerlikaya, the interior minister, told reporters that "
    "1,200 personnel had been deployed. Erdogan promised tents and temporary containers for families who "
    "lost their homes. Residents who had lived through the devastating earthquakes of the previous year "
    "spent the night outdoors, fearing aftershocks."
)
QUAKE_TR_3 = (
    "The death toll from the Malatya earthquake rose to 31 on Tuesday as rescuers in Yesilyurt recovered "
    "more bodies from the ruins, AFAD said. Erdogan visited Malatya and Adiyaman and promised that new "
    "homes would be built within a year. Yerlikaya said more than 4,000 aftershocks had been recorded "
    "since the magnitude 6.4 quake."
)
AREQUIPA = {"Peru": "GPE", "Arequipa": "GPE", "Chala": "GPE", "Caraveli": "GPE", "Dina Boluarte": "PERSON",
            "Boluarte": "PERSON", "INDECI": "ORG", "Geophysical Institute of Peru": "ORG",
            "Geophysical Institute": "ORG"}
QUAKE_PE_1 = (
    "A magnitude 6.9 earthquake shook southern Peru on Thursday, killing at least 12 people and "
    "destroying hundreds of adobe homes in the Arequipa region, authorities said. The quake struck at "
    "2:05 p.m. local time about 40 kilometres south of the town of Chala, the Geophysical Institute of "
    "Peru reported. Rescue crews searched collapsed houses in Caraveli province, where landslides blocked "
    "the Pan-American Highway. President Dina Boluarte declared a state of emergency in 15 districts and "
    "flew to Arequipa. \"Our priority is to rescue those trapped and bring water and food to families,\" "
    "Boluarte said. The civil defence institute INDECI said 40 people were injured."
)
QUAKE_PE_2 = (
    "Peru's Geophysical Institute said Thursday's earthquake, measured at magnitude 6.9, was centred off "
    "the coast near Chala. At least 12 people were killed in Arequipa, most of them in Caraveli, where "
    "adobe homes collapsed, the INDECI civil defence agency said. Landslides cut the Pan-American Highway "
    "and hampered rescue efforts. Dina Boluarte, the president, declared an emergency and travelled to "
    "the affected region with ministers. Dozens of aftershocks rattled the coast overnight."
)
ECB = {"European Central Bank": "ORG", "ECB": "ORG", "Christine Lagarde": "PERSON", "Lagarde": "PERSON",
       "Frankfurt": "GPE"}
RATES_1 = (
    "The European Central Bank kept its key deposit rate at a record 4% on Thursday and signalled that "
    "cuts could come by the summer as inflation in the euro zone eases. President Christine Lagarde told "
    "reporters in Frankfurt that policymakers needed more data on wages before loosening policy. Bond "
    "yields fell after the decision."
)
RATES_2 = (
    "Borrowing costs in the euro zone stayed on hold as the ECB left the deposit rate unchanged at 4%. "
    "Lagarde said the governing council had not discussed cutting rates yet, but that wage growth was "
    "slowing. Markets now expect a first cut in June."
)
JOBS = {"Labor Department": "ORG", "Federal Reserve": "ORG", "Jerome Powell": "PERSON", "Powell": "PERSON"}
JOBS_JAN = (
    "US employers added 353,000 jobs in January, far more than economists had forecast, the Labor "
    "Department said on Friday. The unemployment rate held at 3.7%, and average hourly earnings rose "
    "0.6% from the previous month. The strong report makes it less likely that the Federal Reserve will "
    "cut interest rates soon, analysts said. Jerome Powell has said the Fed wants more confidence that "
    "inflation is falling."
)
JOBS_FEB = (
    "US employers added 275,000 jobs in February, beating economists' forecasts, the Labor Department "
    "said on Friday. The unemployment rate rose to 3.9%, and average hourly earnings rose 0.1% from the "
    "previous month. The report keeps the Federal Reserve on course to cut interest rates later this "
    "year, analysts said. Jerome Powell has said the Fed is close to having the confidence it needs that "
    "inflation is falling."
)
LISBON = {"Lisbon": "GPE", "Metropolitano de Lisboa": "ORG", "FECTRANS": "ORG", "Rui Matos": "PERSON",
          "Carlos Moedas": "PERSON", "Moedas": "PERSON", "Carris": "ORG", "Matos": "PERSON"}
STRIKE_UNION_1 = (
    "Workers at Metropolitano de Lisboa will walk out for 24 hours on Wednesday in a dispute over pay, "
    "the FECTRANS union said. Union coordinator Rui Matos said talks with the company had collapsed after "
    "management offered a 2% raise, well below inflation. Train drivers and station staff will join the "
    "stoppage, and no underground trains are expected to run."
)
STRIKE_UNION_2 = (
    "The FECTRANS union confirmed a 24-hour walkout by Metropolitano de Lisboa staff on Wednesday. Rui "
    "Matos accused management of refusing to negotiate and said the 2% pay offer was an insult to "
    "drivers. Further stoppages could follow in March, Matos warned."
)
CITY_BUSES_1 = (
    "Lisbon city hall will run extra buses and suspend parking fees in the city centre on Wednesday, "
    "Mayor Carlos Moedas announced, as commuters brace for a day without the underground. Carris, the "
    "municipal bus company, will add 120 buses on routes that shadow the four metro lines."
)
CITY_BUSES_2 = (
    "Carlos Moedas urged residents of Lisbon to work from home on Wednesday if they can. Carris is "
    "putting 120 additional buses on the streets and parking meters in the centre will be switched off "
    "for the day, Moedas said."
)
STRIKE_BRIDGE = (
    "Lisbon faces a day without its underground on Wednesday as Metropolitano de Lisboa workers walk "
    "out over pay. Rui Matos of the FECTRANS union said talks collapsed after management offered a 2% "
    "raise, and no trains are expected to run. Mayor Carlos Moedas announced that Carris will add 120 "
    "buses on routes that shadow the metro lines and that parking fees in the centre will be suspended."
)
DERAILMENT = {"Hollin Cross": "GPE", "Northline Rail": "ORG", "Brackley": "GPE", "Red Cross": "ORG",
              "Rail Accident Investigation Branch": "ORG", "Margaret Holm": "PERSON", "Tom Avery": "PERSON"}
TRAIN_ORIGINAL = (
    "A freight train carrying chemicals derailed near the village of Hollin Cross on Saturday night, "
    "forcing the evacuation of about 400 residents, county officials said. Twelve of the train's 40 cars "
    "left the tracks shortly after 10 p.m., and two of them were leaking sulphuric acid, the fire service "
    "said. Nobody was injured in the crash, according to the operator, Northline Rail. Emergency crews set "
    "up a two-mile exclusion zone and closed the A614 road in both directions. Residents were taken to a "
    "sports hall in the nearby town of Brackley, where the Red Cross handed out blankets and food. The "
    "Rail Accident Investigation Branch said it had sent inspectors to the site to establish the cause of "
    "the derailment. Northline Rail said the line would remain closed until at least Wednesday while "
    "damaged track was replaced. County council leader Margaret Holm said evacuated families could expect "
    "to return home on Monday if air quality tests were clear."
)
TRAIN_REWRITE = (
    "About 400 people living in Hollin Cross were evacuated on Saturday night after a freight train "
    "loaded with chemicals came off the rails nearby, officials in the county said. Fire officials said "
    "12 out of 40 cars derailed just after 10 p.m., with sulphuric acid leaking from two of them. Northline "
    "Rail, which operates the train, said no one was hurt. Crews established an exclusion zone of two "
    "miles around the crash site and shut the A614 in both directions. The Red Cross provided blankets and "
    "food to evacuees at a sports hall in Brackley. Inspectors from the Rail Accident Investigation Branch "
    "were sent to the scene to find out what caused the train to derail. Damaged track must be replaced, "
    "and Northline Rail said the line will stay shut until Wednesday at the earliest. Families who were "
    "evacuated may be able to go home on Monday if tests show the air is clear, council leader Margaret "
    "Holm said."
)
TRAIN_QUOTES_1 = (
    "Residents of Hollin Cross spent Saturday night on camp beds in a sports hall after a chemical train "
    "came off the tracks behind their gardens. \"We heard a tremendous bang and then the smell hit us,\" "
    "said Tom Avery, who lives beside the line. Firefighters in protective suits worked through the night "
    "to contain acid seeping from two overturned wagons. \"Our priority is to keep people safe until we "
    "are certain the air is clean,\" said Margaret Holm, who leads the county council. Investigators have "
    "not said what caused the crash. Shops and the primary school in the village stayed shut on Sunday, "
    "and the parish church opened its doors to anyone who needed somewhere warm."
)
TRAIN_QUOTES_2 = (
    "Margaret Holm, the county council leader, defended the decision to move hundreds of people out of "
    "their homes overnight. \"Our priority is to keep people safe until we are certain the air is clean,\" "
    "she told a press conference on Sunday. Northline Rail has apologised for the disruption and promised "
    "compensation to affected households. One neighbour, Tom Avery, described the moment the wagons "
    "overturned. \"We heard a tremendous bang and then the smell hit us,\" he said. The A614 remains "
    "closed and drivers are advised to follow diversion signs. Environmental officers will test water in "
    "the nearby river on Monday for traces of acid."
)
QUOTES_SHORT_1 = (
    "A chemical train derailed at Hollin Cross late on Saturday, and villagers were evacuated. \"We heard "
    "a tremendous bang and then the smell hit us,\" said Tom Avery, a neighbour. \"Our priority is to keep "
    "people safe until we are certain the air is clean,\" said council leader Margaret Holm."
)
QUOTES_SHORT_2 = (
    "Hundreds of people spent the night in a sports hall after wagons overturned near their homes. \"We "
    "heard a tremendous bang and then the smell hit us,\" Tom Avery told reporters outside the sports hall. "
    "\"Our priority is to keep people safe until we are certain the air is clean,\" Margaret Holm added."
)
