"""Portuguese (Brazil and Portugal)."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS_BEFORE, STAGE_NUMERALS

# TNM categories as pathology and clinical notes write them: with a prefix
# (pT3, cN0, ypT0) and a sub-letter (N1a, T1mi). A category is linked only
# next to another one, so "T4 livre" (a thyroid test), "apartamento T2" or
# "estrada N2" stay plain.
_CATEGORY = r"(?:y?[cp]|[yra])?[TNM](?:[0-4xX]|is)(?:[a-d]|mi)?"
_TNM_NAMES = (
    "T0 T1 T2 T3 T4 Tis T1a T1b T1c T2a T2b T3a T3b T4a T4b T4c T4d "
    "N0 N1 N2 N3 N1a N1b N1c N2a N2b N2c N3a N3b N3c M0 M1 M1a M1b M1c "
    "pT0 pT1 pT2 pT3 pT4 pTis pT1a pT1b pT1c pT2a pT2b pT3a pT3b pT4a pT4b "
    "cT1 cT2 cT3 cT4 ypT0 ypT1 ypT2 ypT3 ypT4 "
    "pN0 pN1 pN2 pN3 pN1a pN1b pN1c pN2a pN2b pN3a pN3b cN0 cN1 cN2 cN3 "
    "ypN0 ypN1 ypN2 ypN3 pM1 cM0 cM1"
).split()
TNM = Pattern(
    names=tuple(_TNM_NAMES),
    before=rf"(?<![\w]){_CATEGORY}\s*[,/]?\s*$",
    after=rf"^\s*[,/]?\s*{_CATEGORY}(?![\w])",
)

# Stage names of other conditions. A phrase ending in the stage word takes
# that word, so no stage name can start there; "estágio 3 da DRC" is written
# out in full. Portuguese says "estágio" (Brazil) and "estádio" (Portugal, and
# Brazilian clinicians).
_STAGE_WORDS = ("estágio", "estádio")
_STAGE_NUMBERS = (
    *STAGE_NUMERALS,
    *"zero um dois três quatro".split(),
    *"1A 1B 2A 2B 2C 3A 3B 3C 3D 4A 4B 4C".split(),
    *"IA IB IIA IIB IIC IIIA IIIB IIIC IIID IVA IVB IVC".split(),
)
_OTHER_STAGED = (
    # (condition, the preposition that joins it after a stage number)
    ("doença renal crônica", "da"),
    ("doença renal crónica", "da"),
    ("doença renal", "da"),
    ("DRC", "da"),
    ("insuficiência renal crônica", "da"),
    ("insuficiência renal crónica", "da"),
    ("insuficiência renal", "da"),
    ("lesão por pressão", "da"),
    ("lesões por pressão", "das"),
    ("LPP", "da"),
    ("úlcera por pressão", "da"),
    ("úlcera de pressão", "da"),
    ("escara", "da"),
    ("insuficiência cardíaca", "da"),
    ("hipertensão", "da"),
    ("hipertensão arterial", "da"),
    ("pressão alta", "da"),
    ("linfedema", "do"),
    ("sono", "do"),
    ("sono NREM", "do"),
    ("trabalho de parto", "do"),
    ("parto", "do"),
    ("endometriose", "da"),
    ("doença hepática", "da"),
    ("fibrose hepática", "da"),
    ("cirrose", "da"),
    ("doença de Alzheimer", "da"),
    ("Alzheimer", "do"),
    ("doença de Parkinson", "da"),
    ("Parkinson", "do"),
    ("retinopatia", "da"),
    ("Tanner", "de"),
)
OTHER_STAGED_BEFORE = tuple(
    f"{what}{link} {word}"
    for what, _ in _OTHER_STAGED
    for link in ("", " em", " no")
    for word in _STAGE_WORDS
)
OTHER_STAGED_AFTER = tuple(
    f"{word} {n} {prep} {what}"
    for what, prep in _OTHER_STAGED
    for word in _STAGE_WORDS
    for n in _STAGE_NUMBERS
)

RULES = LanguageRules(
    code="pt",
    plural_stops=frozenset("de da do das dos a ao em no na com por para sem".split()),
    plurals=(
        (r"[sx]$", 0, None),
        (r"ão$", 2, "ões"),
        (r"[aeiouãõ]$", 0, "s"),
        (r"m$", 1, "ns"),
        (r"[aeou]l$", 1, "is"),
        (r"[rz]$", 0, "es"),
    ),
    # Not hyphen_compounds: Portuguese writes "pós-quimioterapia",
    # "pré-cirurgia", "anti-PD-1", where the name is meant. The compounds that
    # hold a name and mean something else are blocking phrases below
    # ("imuno-histoquímica", "falta de ar-condicionado").
    number_words=frozenset(
        "zero um uma dois duas três quatro cinco "
        "primeiro primeira segundo segunda terceiro terceira quarto quarta quinto quinta".split()
    ),
    # Strong signs only. Not "tratamento" (tratamento de água, de dados,
    # capilar), "doença" (dengue, doença de Chagas: general health news) or
    # "medicamento" (pharmacy prices), and not a bare "paciente" (seja
    # paciente): with an article it is the noun.
    context_cues=(
        "câncer",
        "cânceres",
        "cancro",
        "cancros",
        "oncologia",
        "oncológico",
        "oncológica",
        "oncológicos",
        "oncológicas",
        "carcinoma",
        "carcinomas",
        "adenocarcinoma",
        "hematologia",
        "hematologista",
        "radiologia",
        "radiologista",
        "mastologista",
        "médico",
        "médica",
        "médicos",
        "médicas",
        "enfermeira",
        "enfermeiro",
        "enfermeiras",
        "enfermeiros",
        "enfermagem",
        "cirurgião",
        "cirurgiã",
        "clínica",
        "hospital",
        "hospitalar",
        "internação",
        "internamento",
        "ambulatório",
        "prontuário",
        "anamnese",
        "exame físico",
        "hemograma",
        "mamografia",
        "o paciente",
        "a paciente",
        "do paciente",
        "da paciente",
        "ao paciente",
        "um paciente",
        "uma paciente",
        "pacientes",
        "o doente",
        "a doente",
        "do doente",
        "da doente",
        "ao doente",
        "doentes",
    ),
    blocking=(
        # Other conditions are staged too; a stage number there is not
        # cancer's ("DRC estágio 3", "hipertensão estágio 2", "estágio 2 do
        # sono", "lesão por pressão estádio IV", "Tanner estágio 3").
        *OTHER_STAGED_BEFORE,
        *OTHER_STAGED_AFTER,
        "hipertermia maligna",
        "hipertensão maligna",
        "síndrome neuroléptica maligna",
        "otite externa maligna",
        # End-stage organ failure is not a terminal cancer.
        "insuficiência renal terminal",
        "insuficiência renal crônica terminal",
        "insuficiência renal crónica terminal",
        "insuficiência renal em fase terminal",
        "insuficiência renal em estágio terminal",
        "insuficiência renal crônica em fase terminal",
        "insuficiência renal crônica em estágio terminal",
        "insuficiência renal crónica em fase terminal",
        "doença renal terminal",
        "doença renal crônica terminal",
        "doença renal crónica terminal",
        "doença renal em fase terminal",
        "doença renal em estágio terminal",
        "doença renal crônica em fase terminal",
        "doença renal crônica em estágio terminal",
        "doença renal crónica em fase terminal",
        "doença renal crónica em estádio terminal",
        "insuficiência cardíaca em fase terminal",
        "insuficiência cardíaca em estágio terminal",
        "insuficiência hepática em fase terminal",
        "doença hepática em fase terminal",
        "doença hepática em estágio terminal",
        # Ganglia that are no lymph nodes.
        "gânglios da base",
        "gânglios basais",
        "gânglio sinovial",
        "gânglio nervoso",
        "gânglios nervosos",
        "gânglio espinhal",
        # A terminal is also a station.
        "terminal rodoviário",
        "terminal de ônibus",
        "terminal de autocarros",
        "terminal de passageiros",
        "terminal do aeroporto",
        "terminal aeroportuário",
        "terminal de cargas",
        "terminal 1",
        "terminal 2",
        "terminal 3",
        "terminal 4",
        # Fixed expressions with another meaning.
        "remissão de dívidas",
        "remissão de dívida",
        "remissão da dívida",
        "remissão de multas",
        "remissão dos pecados",
        "remissão de pecados",
        "progressão aritmética",
        "progressão geométrica",
        "progressão na carreira",
        "progressão de carreira",
        "progressão salarial",
        "taxa de sobrevivência das empresas",
        "falta de energia elétrica",
        "falta de energia eléctrica",
        "falta de ar-condicionado",
        "falta de ar condicionado",
        # "imuno" (immunotherapy) as the first half of another word.
        "imuno-histoquímica",
        "imuno-histoquímicas",
        "imuno-histoquímico",
        "imuno-histoquímicos",
        "imuno-oncologia",
        "imuno-oncológico",
        "imuno-oncológica",
        "imuno-hematologia",
        "fadiga muscular",
        "fadiga ocular",
        "fadiga visual",
        "fadiga do material",
        "fadiga de materiais",
        "queijo curado",
        "queijos curados",
        "presunto curado",
        "carne curada",
        "carnes curadas",
        "embutidos curados",
        "tempo de cura",
        "cura do concreto",
        "cura do betão",
        "aconselhamento genético",
        "aconselhamento jurídico",
        "aconselhamento financeiro",
        "teste molecular para covid",
        "testes moleculares para covid",
        "teste molecular RT-PCR",
        "sobrevida livre de doença",
        "sobrevivência livre de doença",
        # A department, not an operation.
        "serviço de cirurgia",
        "departamento de cirurgia",
        # Real words one letter from a name: misspelling tolerance must not
        # turn a tutor into a tumour, progress into progression or "immune"
        # into immunotherapy.
        "tutor",
        "tutores",
        "terminar",
        "termina",
        "curador",
        "curvado",
        "progresso",
        "progressos",
        "topografia",
        "imune",
        "imunes",
    ),
    patterns=(
        TNM,
        Pattern(
            names=("PS",),
            before=PS_BEFORE,
            after=r"^\s*(?:[:=]|de)?\s*[0-4](?![\w.,]\d)",
        ),
        # "Melhor resposta: RP", "resposta (RC)".
        # "Resposta ao tratamento: RC".
        Pattern(
            names=("RC", "RP", "CR", "PR"),
            before=r"(?i:resposta)(?:(?:\s+[^\W\d_]+){1,3}\s*[:=(]|\s*[:=(]?)\s*$",
        ),
        # "TMB" is also the basal metabolic rate (taxa metabólica basal):
        # only as a tumour measure, "TMB alta", "TMB: 12 mut/Mb".
        Pattern(
            names=("TMB",),
            after=r"^\s*(?:[:=]|é|foi|de)?\s*(?:\d|(?i:alt[ao]|baix[ao]|elevad[ao]|-?H\b|high\b))",
        ),
        # "PDT" is a party and "TFD" the out-of-town treatment of the SUS:
        # both only in brackets after "terapia fotodinâmica" (no pattern here).
        Pattern(names=("PDT", "TFD")),
    ),
)

EXAMPLES = {
    "plural": [
        ("biópsia", "biópsias"),
        ("exame", "exames"),
        ("tumor", "tumores"),
        ("progressão", "progressões"),
        ("terminal", "terminais"),
        ("metástases", None),
    ],
    "annotate": [
        ("Tumor pT3 N1a M0.", ["Tumor", "pT3", "N1a", "M0"]),
        ("O T4 livre estava baixo.", []),
        ("ECOG PS 1, resposta parcial (RP).", ["ECOG PS", "resposta parcial", "RP"]),
        ("Câncer localmente avançado.", ["Câncer localmente avançado"]),
        ("DRC estágio 3 e hipertensão estágio 2.", []),
        ("Estágio 2 do sono e lesão por pressão estádio IV.", []),
        ("A falta de ar-condicionado no ônibus.", []),
        ("Queijo curado por 60 dias.", []),
    ],
}
