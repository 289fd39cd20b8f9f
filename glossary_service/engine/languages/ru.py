"""Russian: nouns and adjectives take case endings (метастазы, метастазов,
метастазами); the stemmer cuts them so that forms of a name meet."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS, STAGE_NUMERALS, TNM

# TNM categories as Russian notes type them: Latin or Cyrillic Т and М
# ("Т2 N1 М0"), with the sub-letters of the 8th edition ("T2b", "N2a"). The
# shared TNM rule holds too; this one adds the Cyrillic letters.
_TNM_CODE = r"[cpyra]?[TТNMМ](?:[0-4xXхХ]|is)[a-d]?"
_TNM_BEFORE = rf"(?<![\w]){_TNM_CODE}\s*[,/]?\s*$"
_TNM_AFTER = rf"^\s*[,/]?\s*{_TNM_CODE}(?![\w])"

# Stage names of other conditions. Russian writes the stage after the
# condition ("ХБП 4 стадии", "лимфостаз III стадии", "ХБП стадия 4") or before
# it in the genitive ("4 стадия ХБП", "стадия 2 лимфедемы"). A condition
# followed by a number or by "стадия" takes those words, so no stage name can
# start there; a stage followed by a condition is taken whole. The stemmer
# meets the case forms ("хронической болезнью почек"); forms it cannot meet
# ("пролежень"/"пролежней", "сон"/"сна") are listed both ways.
_OTHER_CONDITIONS = (
    "хроническая болезнь почек",
    "ХБП",
    "хроническая почечная недостаточность",
    "ХПН",
    "гипертоническая болезнь",
    "гипертония",
    "артериальная гипертензия",
    "сердечная недостаточность",
    "хроническая сердечная недостаточность",
    "ХСН",
    "пролежень",
    "пролежни",
    "пролежней",
    "лимфостаз",
    "лимфедема",
    "лимфатический отёк",
    "эндометриоз",
    "артроз",
    "гонартроз",
    "коксартроз",
    "остеоартроз",
    "остеохондроз",
    "стеатоз",
    "стеатоз печени",
    "фиброз",
    "фиброз печени",
    "цирроз",
    "цирроз печени",
    "саркоидоз",
    "ВИЧ",
    "ВИЧ-инфекция",
    "ретинопатия",
    "гидронефроз",
    "ХОБЛ",
    "алкоголизм",
    "деменция",
    "энцефалопатия",
    "дисциркуляторная энцефалопатия",
    "болезнь Паркинсона",
    "геморрой",
    "варикоз",
    "варикозная болезнь",
    "ишемия",
    "сон",
    "сна",
    "роды",
    "родов",
)
_STAGE_NUMBERS = (
    *STAGE_NUMERALS,
    *"IA IB IIA IIB IIC IIIA IIIB IIIC 1A 1B 2A 2B 3A 3B 3C первая вторая третья четвёртая".split(),
)
_OTHER_STAGED = (
    *(f"{c} {n}" for c in _OTHER_CONDITIONS for n in _STAGE_NUMBERS),
    *(f"{c} стадия" for c in _OTHER_CONDITIONS),
    *(f"{c} стадии" for c in _OTHER_CONDITIONS),
    *(f"{n} стадия {c}" for c in _OTHER_CONDITIONS for n in _STAGE_NUMBERS),
    *(f"стадия {n} {c}" for c in _OTHER_CONDITIONS for n in _STAGE_NUMBERS),
)

# "IV ст.", "IIIB ст.": the abbreviation of "стадия" is also that of
# "степень" ("АВ-блокада I ст.", "ожог IV ст.", "ожирение II ст."), so a stage
# written this way is linked only a few words after a cancer or a TNM string
# ("Рак желудка T3N1M0, III ст.", "НМРЛ IV ст.").
_CANCER_BEFORE = (
    r"(?i:\b(?:рак\w*|cancer|c-?r|карцином\w*|аденокарцином\w*|НМРЛ|МРЛ|КРР|РМЖ"
    r"|лимфом\w*|меланом\w*|миелом\w*|саркома\w*|саркомы|опухол\w*|новообразовани\w*"
    r"|ЗНО|c?p?T[0-4]\w*|M[01]\w*)\b)(?:\s+[^\s.;,]+){0,5}\s*,?\s*$"
)
_STAGE_ABBREVIATIONS = tuple(
    f"{n} ст"
    for n in "0 1 2 3 4 I II III IV IA IB 1A 1B IIA IIB IIC 2A 2B IIIA IIIB IIIC 3A 3B 3C".split()
)
# "mts", "МТС" (also a mobile operator): only where they name a metastasis,
# "mts в печень", "МТС в кости", "множественные mts", "данных за МТС нет".
_MTS_AFTER = (
    r"^\s*(?:в|во)\s+(?i:печен|кост|л[её]гк|головн|мозг|надпоч|лимф|брюшин|плевр|позвон"
    r"|кож|яичник|забрюшин|средостен|ГМ\b)"
)
_MTS_BEFORE = (
    r"(?i:множественн\w*|единичн\w*|солитарн\w*|отдал[её]нн\w*|данных\s+за|признак\w*"
    r"|подозрени\w*\s+на|с|без)\s*$"
)

RULES = LanguageRules(
    code="ru",
    # Written as readers write them; the engine folds them (й as и, ё as е)
    # the way it folds text.
    suffixes=tuple(
        """иями ями ами иях ией ием иям ого его ому ему ыми ими ях ах ов ев ей ой
        ом ем ам ям ию ия ии ие ый ий ая яя ое ее ые ых их ым им ую юю ою ею ью а я о е у ю ы
        и ь й""".split()
    ),
    min_stem=3,
    sort_equivalents={"ё": "е"},
    number_words=frozenset(
        "ноль один одна два две три четыре пять первая вторая третья четвертая".split()
    ),
    # Strong signs of a cancer or clinical passage, matched in any case form.
    # Not "лечение" ("лечения никто не назначает" of a city), "болезнь"
    # ("справка после болезни"), "диагноз" (said of the economy), "врач" and
    # "доктор" (a team doctor, "доктор наук"), "клиника" ("это клиника"),
    # "медсестра" (the school nurse): they are as common outside cancer care.
    # Not "опухоль" either: it is also a swelling, and a name linked in context.
    context_cues=(
        # Not "рак" on its own: it is also the crayfish and the sign of the
        # zodiac ("Ракам звёзды советуют..."); the cancers by organ are sure.
        "рак молочной железы",
        "рак груди",
        "рак лёгкого",
        "рак лёгких",
        "рак желудка",
        "рак пищевода",
        "рак печени",
        "рак поджелудочной железы",
        "рак почки",
        "рак мочевого пузыря",
        "рак простаты",
        "рак предстательной железы",
        "рак шейки матки",
        "рак тела матки",
        "рак эндометрия",
        "рак яичников",
        "рак щитовидной железы",
        "рак гортани",
        "рак кожи",
        "рак крови",
        "раковые клетки",
        "раковая опухоль",
        "онкология",
        "онкологический",
        "онкобольной",
        "онкодиспансер",
        "онкоцентр",
        "карцинома",
        "аденокарцинома",
        "саркома",
        "опухолевый",
        "противоопухолевый",
        "злокачественный",
        "доброкачественный",
        "метастатический",
        "гистологический",
        "цитологический",
        "пациент",
        "пациентка",
        "лечащий врач",
        "дневной стационар",
    ),
    blocking=(
        # Other conditions are staged too ("ХБП 4 стадии", "3 стадия
        # лимфедемы"); a stage number there is not cancer's (see above).
        *_OTHER_STAGED,
        # "The most common cancer", not advanced cancer. ("Местно-распространённый
        # рак" is a name of its own now, locally-advanced-cancer, and wins as
        # the longer name: never stage 4, never advanced cancer.)
        "самый распространённый",
        "наиболее распространённый",
        "самая распространённая",
        "наиболее распространённая",
        "очень распространённый",
        "довольно распространённый",
        "достаточно распространённый",
        "широко распространённый",
        "весьма распространённый",
        # Other diseases are staged too.
        "хроническая болезнь почек",
        "хроническая болезнь почек 4 стадии",
        "хроническая болезнь почек IV стадии",
        "стадия 4 хронической болезни почек",
        "стадия IV хронической болезни почек",
        "4 стадия хронической болезни почек",
        "ХБП 4 стадии",
        "ХБП IV стадии",
        "ХБП стадия 4",
        "ХБП 4",
        "4 стадия ХБП",
        "стадия 4 ХБП",
        "пролежень 4 стадии",
        "пролежни 4 стадии",
        "пролежень IV стадии",
        "пролежни IV стадии",
        "4 стадия пролежней",
        "лимфостаз 4 стадии",
        "лимфостаз IV стадии",
        "лимфедема 4 стадии",
        "лимфедема IV стадии",
        "эндометриоз 4 стадии",
        "эндометриоз IV стадии",
        "4 стадия эндометриоза",
        "артроз 4 стадии",
        "артроз IV стадии",
        "гонартроз 4 стадии",
        "гонартроз IV стадии",
        "коксартроз 4 стадии",
        "коксартроз IV стадии",
        "остеоартроз 4 стадии",
        "остеоартроз IV стадии",
        "саркоидоз 4 стадии",
        "саркоидоз IV стадии",
        "фиброз 4 стадии",
        "ретинопатия 4 стадии",
        "ВИЧ 4 стадии",
        # End-stage kidney disease is not terminal illness.
        "терминальная стадия ХБП",
        "терминальной стадии ХБП",
        "терминальная стадия ХПН",
        "терминальной стадии ХПН",
        "терминальная стадия почечной недостаточности",
        "терминальной стадии почечной недостаточности",
        "терминальная стадия хронической почечной недостаточности",
        "терминальной стадии хронической почечной недостаточности",
        "злокачественная гипертермия",
        "злокачественная гипертензия",
        "злокачественная гипертония",
        # Stages of a tournament, not of a cancer.
        "стадия турнира",
        "стадии турнира",
        "стадию турнира",
        "стадия плей-офф",
        "стадии плей-офф",
        # Low microsatellite instability (MSI-L) is not MSI-high.
        "низкая микросателлитная нестабильность",
        "микросателлитная нестабильность низкого уровня",
        # Crime that recurs, not cancer.
        "рецидив преступности",
        "рецидивы преступности",
        "рецидива преступности",
        # A street on Vasilyevsky Island, not first-line treatment.
        "на 1-й линии",
        # Forecasts: the weather, the economy.
        "прогноз погоды",
        "прогноза погоды",
        "прогнозом погоды",
        "прогнозе погоды",
        "прогнозы погоды",
        "прогноз синоптиков",
        "прогнозы синоптиков",
        "по прогнозу",
        "по прогнозам синоптиков",
        "прогноз на сегодня",
        "прогноз на завтра",
        "прогноз на выходные",
        "прогноз на неделю",
        "прогноз на месяц",
        "прогноз на год",
        "прогноз на следующий год",
        "прогноз на матч",
        # "A full answer", not a complete response.
        "полный ответ на вопрос",
        "полный ответ на все вопросы",
        "за полный ответ",
        "частичный ответ на вопрос",
        # Chemistry the school subject and household chemicals.
        "бытовая химия",
        "органическая химия",
        "неорганическая химия",
        "урок химии",
        "учитель химии",
        "учительница химии",
        "кабинет химии",
        "олимпиада по химии",
        "экзамен по химии",
        "ЕГЭ по химии",
        # Analysis of data, not a lab test ("анализы" is one).
        "анализ данных",
        "анализа данных",
        "статистический анализ",
        "ретроспективный анализ",
        "многофакторный анализ",
        "однофакторный анализ",
        "анализ выживаемости",
        # Operations that are not cancer surgery.
        "операция по замене",
        "операцию по замене",
        "операции по замене",
        "операцией по замене",
        "операций по замене",
        "пластическая операция",
        "банковская операция",
        "операции с наличными",
        "операций с наличными",
        "военная операция",
        "спасательная операция",
        # Immunity in law and in populations, not the immune system.
        "дипломатический иммунитет",
        "депутатский иммунитет",
        "парламентский иммунитет",
        "коллективный иммунитет",
        # The origin of a fire or of an infection, not a primary tumor.
        "первичный очаг возгорания",
        "первичного очага возгорания",
        "первичный очаг пожара",
        "первичного очага пожара",
        "первичный очаг инфекции",
        "первичного очага инфекции",
        "первичном очаге инфекции",
        # Figurative metastases of social ills (the other case forms are names
        # of their own, matched before a stemmed phrase: see the review notes).
        "метастазы бюрократии",
        "метастазы коррупции",
        "метастазы преступности",
        "метастазы терроризма",
        "метастазы экстремизма",
        "метастазы фашизма",
        "метастазы национализма",
        # PET the plastic.
        "ПЭТ-бутылка",
        "ПЭТ-бутылки",
        "ПЭТ-бутылок",
        "ПЭТ-тара",
        "ПЭТ-пластик",
        "ПЭТ-плёнка",
        "ПЭТ-упаковка",
        # First line of defence, of support; a street ("на первой линии").
        "первая линия обороны",
        "первой линии обороны",
        "первая линия защиты",
        "первой линии защиты",
        "первая линия поддержки",
        "на первой линии",
        # The stemmer gives the surgeon the stem of surgery, and the field of
        # oncology that of the oncologist: these words are neither.
        "хирург",
        "онкология",
    ),
    patterns=(
        TNM,
        Pattern(
            names=(
                *TNM.names,
                *"T1a T1b T1c T2a T2b T3a T3b T4a T4b T4c T4d Tis".split(),
                *"N1a N1b N1c N2a N2b N2c N3a N3b N3c".split(),
                # Cyrillic Т and М.
                *"Т1 Т2 Т3 Т4 М0 М1".split(),
            ),
            before=_TNM_BEFORE,
            after=_TNM_AFTER,
        ),
        PS,
        Pattern(names=_STAGE_ABBREVIATIONS, before=_CANCER_BEFORE),
        Pattern(names=("mts", "МТС"), before=_MTS_BEFORE, after=_MTS_AFTER),
    ),
)

EXAMPLES = {
    "same_stem": [
        ("метастазами", "метастазов", "метастазы"),
        ("химиотерапия", "химиотерапии", "химиотерапией"),
    ],
    "sort": ["ежедневно", "ёлка", "желудок"],
    "annotate": [
        ("АВ-блокада I ст., ожог IV ст.", []),
        ("Стеатоз печени 1 стадии, ХБП 4 стадии, лимфостаз III стадии.", []),
        ("Местно-распространённый рак прямой кишки.", ["Местно-распространённый рак"]),
        ("Самый распространённый рак у женщин.", []),
        ("Аденокарцинома желудка pT3N1M0, IIIB ст., данных за mts нет.", ["IIIB ст", "mts"]),
        ("Салон МТС в центре города.", []),
    ],
}
