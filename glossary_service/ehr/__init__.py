"""What an EHR asks in its own standards, answered from the glossary: no Flask here.

| module | job |
|---|---|
| ``icd10cm.py`` | ICD-10-CM codes: their shape, and ranked glossary terms through the hierarchy |
| ``infobutton.py`` | an HL7 Infobutton request: parameters read and checked, concepts matched |
| ``feed.py`` | the knowledge response: an Atom 1.0 feed, or its JSON form |
| ``fhir.py`` | FHIR R4 terminology: CodeSystem, ValueSet expansion, ConceptMap, Parameters |

The web layer (``web/infobutton.py``, ``web/fhir.py``) reads the HTTP request,
calls these and writes the answer.
"""
