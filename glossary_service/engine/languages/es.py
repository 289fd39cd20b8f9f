"""Spanish."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import PS, STAGE_NUMERALS, TNM

# Stage names of other conditions: "ERC estadio 3", "úlcera por presión estadio 2",
# "hipertensión arterial estadio 2", "etapa 2 del sueño". A phrase ending in
# "estadio"/"etapa" takes that word, so no cancer stage name can start there.
OTHER_STAGED = (
    "enfermedad renal crónica",
    "enfermedad renal",
    "insuficiencia renal crónica",
    "insuficiencia renal",
    "ERC",
    "IRC",
    "úlcera por presión",
    "úlceras por presión",
    "UPP",
    "lesión por presión",
    "lesiones por presión",
    "LPP",
    "escara",
    "insuficiencia cardíaca",
    "insuficiencia cardiaca",
    "IC",
    "hipertensión arterial",
    "hipertensión",
    "HTA",
    "linfedema",
    "endometriosis",
    "enfermedad hepática",
    "hepatopatía",
    "fibrosis hepática",
    "enfermedad de Parkinson",
    "Hoehn y Yahr",
    "sueño",
    "sueño NREM",
)
OTHER_STAGED_BEFORE = tuple(
    f"{what}{link}{word}"
    for what in OTHER_STAGED
    for link in (" ", " en ", " de ")
    for word in ("estadio", "etapa")
)
OTHER_STAGED_AFTER = (
    "de la enfermedad renal crónica",
    "de la enfermedad renal",
    "de enfermedad renal crónica",
    "de la ERC",
    "de ERC",
    "de la insuficiencia renal",
    "de la úlcera",
    "de úlcera por presión",
    "de la lesión por presión",
    "de lesión por presión",
    "de la insuficiencia cardíaca",
    "de la insuficiencia cardiaca",
    "de insuficiencia cardíaca",
    "de insuficiencia cardiaca",
    "de la hipertensión",
    "de hipertensión",
    "de HTA",
    "del linfedema",
    "de linfedema",
    "de la endometriosis",
    "de endometriosis",
    "de la enfermedad hepática",
    "de la fibrosis",
    "de la enfermedad de Parkinson",
    "de Parkinson",
    "del sueño",
    "del parto",
    "del trabajo de parto",
)
STAGE_WORDS = ("estadio", "etapa")
STAGE_NUMBERS = (
    *STAGE_NUMERALS,
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
)

RULES = LanguageRules(
    code="es",
    plural_stops=frozenset("de del a al en con por para sin".split()),
    plurals=((r"[aeiouáéó]$", 0, "s"), (r"z$", 1, "ces"), (r"[^s]$", 0, "es")),
    own_letters={"ñ": "n~"},
    number_words=frozenset("cero uno una dos tres cuatro cinco".split()),
    # Strong signs of a medical passage. Not "tratamiento" ("tratamiento de
    # datos", "tratamiento fiscal"), "consulta" or "dolor".
    context_cues=(
        "cáncer",
        "oncología",
        "oncológico",
        "oncológica",
        "carcinoma",
        "médico",
        "médica",
        "médicos",
        "doctor",
        "doctora",
        "enfermera",
        "enfermero",
        "enfermeras",
        "clínica",
        "hospital",
        "hospitalario",
        "hospitalaria",
        "paciente",
        "pacientes",
        "enfermedad",
        "enfermedades",
        "medicamento",
        "medicamentos",
        "fármaco",
        "fármacos",
        "cirujano",
        "cirujana",
        "quirúrgico",
        "quirúrgica",
        "metastásico",
        "metastásica",
        "tumoral",
        "neutropenia",
        "hemograma",
    ),
    blocking=(
        # Other diseases are staged too; a stage number there is not cancer's
        # (locally advanced cancer now has its own term, never stage 4).
        *OTHER_STAGED_BEFORE,
        *(
            f"{word} {n} {what}"
            for word in STAGE_WORDS
            for n in STAGE_NUMBERS
            for what in OTHER_STAGED_AFTER
        ),
        "enfermedad renal crónica estadio 4",
        "enfermedad renal crónica etapa 4",
        "enfermedad renal crónica estadio IV",
        "estadio 4 de la enfermedad renal crónica",
        "estadio IV de la enfermedad renal crónica",
        "insuficiencia renal crónica estadio 4",
        "ERC estadio 4",
        "úlcera por presión estadio 4",
        "úlcera por presión grado 4",
        "úlcera por presión estadio IV",
        "úlceras por presión estadio 4",
        "úlceras por presión estadio IV",
        "lesión por presión estadio 4",
        "lesión por presión grado 4",
        "lesión por presión estadio IV",
        "endometriosis estadio 4",
        "endometriosis estadio IV",
        "endometriosis en estadio IV",
        "linfedema estadio 4",
        "linfedema estadio IV",
        "hipertermia maligna",
        "hipertensión maligna",
        "síndrome neuroléptico maligno",
        "otitis externa maligna",
        # Referral (Colombia) and delivery note (Mexico), not remission.
        "remisión a",
        "remisión al",
        "remisión a oncología",
        "nota de remisión",
        "notas de remisión",
        "remisión de la deuda",
        "remisión de deudas",
        "remisión de la pena",
        # Weather forecasts.
        "pronóstico del tiempo",
        "pronósticos del tiempo",
        "pronóstico meteorológico",
        "pronóstico del clima",
        "pronóstico extendido",
        "pronósticos extendidos",
        "pronóstico de lluvia",
        "pronóstico de lluvias",
        # "La terminal" / "el terminal": a bus station, a card reader, a device;
        # the illness is "enfermo terminal", "fase terminal".
        "la terminal",
        "una terminal",
        "las terminales",
        "el terminal",
        "un terminal",
        "los terminales",
        "terminal de autobuses",
        "terminal de autobús",
        "terminal de camiones",
        "terminal aérea",
        "terminal bancaria",
        "terminal punto de venta",
        # Anatomy and stomas: the end of the ileum, an end colostomy.
        "íleon terminal",
        "ileostomía terminal",
        "colostomía terminal",
        "porción terminal",
        "bronquiolo terminal",
        "bronquiolos terminales",
        # Spanish regional ministries, not counseling.
        "Consejería de Sanidad",
        "Consejería de Salud",
        "Consejería de Salud y Familias",
        "Consejería de Educación",
        "Consejería de Bienestar Social",
        "Consejería de Políticas Sociales",
        "Consejería de Igualdad",
        "Consejería de Familia",
        "Consejería de Empleo",
        "Consejería de Hacienda",
        "Consejería de Cultura",
        "Consejería de Economía",
        "Consejería de Presidencia",
        "Consejería de Medio Ambiente",
        "Consejería de Agricultura",
        "Consejería de Transportes",
        "Consejería de Universidades",
        "Hospicio Cabañas",
        # Genetic counselling is not the counseling of the glossary (coping
        # with worry and sadness).
        "consejería genética",
        "asesoramiento genético",
        "consejo genético",
        # A diet, taxes, politics: not a treatment regimen.
        "a régimen",
        "régimen alimenticio",
        "régimen de alimentación",
        "régimen dietético",
        "régimen fiscal",
        "régimen tributario",
        "régimen simplificado",
        "régimen de visitas",
        "régimen político",
        "régimen militar",
        "antiguo régimen",
        # "en régimen ambulatorio": on an outpatient basis.
        "régimen ambulatorio",
        "régimen hospitalario",
        "régimen de ingreso",
        "régimen de hospitalización",
        "régimen de hospital de día",
        "régimen de aislamiento",
        # Wound care (curar una herida), a priest (el cura), cured food,
        # content curation: not a cure of cancer.
        "curación de la herida",
        "curaciones de la herida",
        "curación de heridas",
        "curaciones de heridas",
        "cura de la herida",
        "curas de la herida",
        "cura de heridas",
        "curas de heridas",
        "curación de herida",
        "curación de úlcera",
        "curación de la úlcera",
        "curación de úlceras",
        "curación de catéter",
        "curación del catéter",
        "curación de sitio",
        "curación del sitio",
        "curación del estoma",
        "curación de quemaduras",
        "curación avanzada",
        "curación diaria",
        "se realiza curación",
        "realizar curación",
        "cura local",
        "curas locales",
        "cura húmeda",
        "cura seca",
        "se realiza cura",
        "realizar cura",
        "las curas",
        "el cura",
        "del cura",
        "al cura",
        "un cura",
        "los curas",
        "curación de contenidos",
        "jamón curado",
        "jamones curados",
        "queso curado",
        "quesos curados",
        "lomo curado",
        "chorizo curado",
        "embutido curado",
        "embutidos curados",
        # Pay scales and arithmetic, not cancer progression.
        "progresión salarial",
        "progresión aritmética",
        "progresión geométrica",
        "progresión profesional",
        "progresión de carrera",
        # Post-operative diet advancement.
        "progresión de dieta",
        "progresión de la dieta",
        # Addiction relapse, not cancer coming back.
        "recaída en el consumo",
        "recaídas en el consumo",
        # Not the tiredness of cancer.
        "fatiga del material",
        "fatiga de materiales",
        "fatiga de los materiales",
        "fatiga visual",
        "fatiga ocular",
        "falta de energía eléctrica",
        "falta de aire acondicionado",
        "falta de aire fresco",
        # Composure, not phlegm.
        "flema británica",
        "flema inglesa",
        # Sunlight and physics, not radiation therapy.
        "radiación ultravioleta",
        "radiación UV",
        "radiación solar",
        "radiación infrarroja",
        "radiación electromagnética",
        "radiación cósmica",
        "radiación de fondo",
        "radiación térmica",
        "radiación ionizante",
        # Plastic bottles, not a PET scan.
        "botella de PET",
        "botellas de PET",
        "envases de PET",
        # Disease-free survival and interval: not "no evidence of disease" now.
        "supervivencia libre de enfermedad",
        "sobrevida libre de enfermedad",
        "intervalo libre de enfermedad",
        "periodo libre de enfermedad",
        "período libre de enfermedad",
        # Metaphor: "lo lleva en el ADN", "está en el ADN de la casa".
        "está en el ADN",
        "están en el ADN",
        "estar en el ADN",
        "forma parte del ADN",
        "en nuestro ADN",
        "lleva en el ADN",
        "llevan en el ADN",
        "llevamos en el ADN",
        "llevo en el ADN",
        # Other anatomy and trades.
        "ganglios basales",
        "ganglio basal",
        "ganglio nervioso",
        "ganglios nerviosos",
        "patólogo del habla",
        "patóloga del habla",
        "patólogos del habla",
        "analítica de datos",
        "analítica web",
        # Nursing diagnoses (NANDA) are not the diagnosis of an illness.
        "diagnóstico de enfermería",
        "diagnósticos de enfermería",
    ),
    patterns=(
        TNM,
        PS,
        Pattern(names=("RC", "RP", "CR", "PR"), before=r"(?i:respuesta)\s*[:=(]?\s*$"),
        # Progression-free survival: "SLP de 11 meses", "mediana de SLP",
        # "SLP: 8,2 meses", "SLP a 2 años"; never "San Luis Potosí (SLP)" or
        # "la SSP estatal" (a police ministry).
        Pattern(
            names=("SLP", "SSP", "PFS"),
            before=r"(?i:mediana\s+(?:de\s+)?(?:la\s+)?)$",
            after=(
                r"^\s*(?:(?i:actual|mediana|estimada|global)\s+)?"
                r"(?:[:=]\s*|(?i:de|fue\s+de|a|mediana\s+de)\s+)?"
                r"\d+(?:[.,]\d+)?\s*(?i:meses|mes|años|año|semanas)(?!\w)"
            ),
        ),
        # "QT" for chemotherapy (Spain, Mexico): "QT adyuvante", "6 ciclos de QT",
        # "QT paliativa", "RT + QT"; never the ECG "intervalo QT", "QT largo", "QTc".
        Pattern(
            names=("QT",),
            before=(
                r"(?i:ciclos?\s+de|sesiones?\s+de|esquema\s+de|l[ií]nea\s+de|recibi[óo]|"
                r"recibe|inici[óo]|inicia|iniciar|valorar|candidat[oa]\s+a|tras|post|"
                r"(?:RT|radioterapia)\s*(?:[+y/]|con))\s*$"
            ),
            after=(
                r"^\s*(?:(?i:adyuvante|neoadyuvante|paliativa|de\s+inducci[óo]n|de\s+rescate|"
                r"de\s+primera|de\s+segunda|concomitante|sist[ée]mica|basada\s+en)(?!\w)"
                r"|(?:[+/]|(?i:y|con))\s*(?:RT|radioterapia|inmunoterapia))"
            ),
        ),
        # "Dx:" heading a diagnosis line, "Dx de cáncer de colon".
        Pattern(names=("Dx",), after=r"^\s*(?:[:=]|(?i:de)\s|(?i:inicial|principal|definitivo)\b)"),
        # Tumor mutational burden: "TMB alta", "TMB de 12 mut/Mb"; not the
        # basal metabolic rate (tasa metabólica basal) of a nutrition note.
        Pattern(
            names=("TMB",),
            after=(
                r"^\s*[-:=]?\s*(?:(?i:alta|baja|elevada|intermedia)(?!\w)"
                r"|(?i:de\s+)?[≥>]?\s*\d+(?:[.,]\d+)?\s*(?i:mut))"
            ),
        ),
    ),
)

EXAMPLES = {
    "plural": [("metástasis", None), ("biopsia", "biopsias"), ("tumor", "tumores")],
    "sort": ["nódulo", "ñame", "oncólogo"],
    "initial": [("ñame", "ñ"), ("Ácido", "a")],
    "annotate": [
        ("Estadio IIA (T2 N0 M0), RP 40 %, T4 libre 1,2.", ["T2", "N0", "M0"]),
        (
            "Paciente con respuesta parcial (RP). SLP de 11 meses.",
            ["respuesta parcial", "RP", "SLP"],
        ),
        ("San Luis Potosí (SLP) y la SSP estatal.", []),
        ("El pronóstico del tiempo anuncia lluvia en la terminal de autobuses.", []),
        ("Se realiza curación de la herida quirúrgica.", []),
        ("Jamón curado y queso curado; el cura del pueblo.", []),
        ("La etapa 4 de la Vuelta y la radiación ultravioleta.", []),
        (
            "Paciente con cáncer de mama en estadio IIA; ERC estadio 3 y "
            "úlcera por presión estadio 2.",
            ["cáncer de mama", "estadio IIA"],
        ),
        (
            "Cáncer de recto localmente avanzado, no metastásico.",
            ["Cáncer de recto", "localmente avanzado", "metastásico"],
        ),
        ("Recibió 6 ciclos de QT adyuvante. ECG: intervalo QT normal, QTc 440 ms.", ["QT"]),
    ],
}
