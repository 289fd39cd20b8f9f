"""Chinese (Simplified and Traditional): no spaces, so every ideograph is a
token; a misspelt ideograph is another word, so nothing is forgiven.

One module serves both scripts: each list holds the Simplified and the
Traditional spelling of a phrase where they differ."""

from __future__ import annotations

from . import LanguageRules, Pattern
from ._shared import _TNM_AFTER, _TNM_BEFORE, TNM

# -- TNM -----------------------------------------------------------------------
# Sub-categories and the clinical (c) and pathological (p) prefixes, as notes
# write them: "pT3b N1a M0", "cT2 N0". The shared TNM rule covers T0-T4, N0-N3
# and M0-M1c only.
_T = "T0 Tis T1 T1a T1b T1c T2 T2a T2b T3 T3a T3b T4 T4a T4b T4c T4d".split()
_N = "N0 N1 N1a N1b N1c N2 N2a N2b N2c N3 N3a N3b N3c".split()
_M = "M0 M1 M1a M1b M1c".split()
_TNM_ALL = tuple(p + c for p in ("", "c", "p") for c in (*_T, *_N, *_M))
_TNM_MORE = tuple(n for n in _TNM_ALL if n not in TNM.names)
# A code explained item by item, in a leaflet or a reply to a patient:
# "pT3b：原发肿瘤……；N1a：……；M0：……". Each item is linked when the next
# letter of the code follows, or the previous one precedes, in the same
# sentence (T before N before M, so "T1：低信号；T2：高信号" stays plain).
_ITEM = r"\s*[:：][^。！？!?\n]{0,80}?[；;]\s*"
_CAT = r"[cpyra]?{}(?:[0-4xX]|is)[a-d]?"
_T_ITEM, _N_ITEM, _M_ITEM = (_CAT.format(c) for c in "TNM")

# -- shapes of other ambiguous names -----------------------------------------------
# A cancer named right after "晚期" / "转移性" (advanced / metastatic), or
# right before "晚期": "晚期肺癌", "肺癌晚期", "转移性乳腺癌". Not "晚期反应"
# (late effects), "清朝晚期", "转移性腺癌" in a lymph node.
_NOT_IN_NAME = "的和与與及或是在了有无無未不后後前期"
_FILLER = rf"(?:(?![{_NOT_IN_NAME}])[\u4e00-\u9fff]){{0,7}}?"
_CANCER = r"(?:癌|肿瘤|腫瘤|淋巴瘤|骨髓瘤|黑色素瘤|肉瘤)"
_ORGAN = (
    r"(?:非小细胞肺|非小細胞肺|小细胞肺|小細胞肺|肺|乳腺|乳|胃|结直肠|結直腸|结肠|結腸|"
    r"直肠|直腸|大肠|大腸|肠|腸|前列腺|胰腺|胰|卵巢|宫颈|子宫颈|子宮頸|子宫内膜|"
    r"子宮內膜|肾|腎|膀胱|食管|食道|鼻咽|甲状腺|甲狀腺|头颈|頭頸|胆管|膽管|胆囊|膽囊)"
)
# "转移到" (moved to, spread to) is metastasis only before a part of the body:
# "已经转移到骨头", not "转移到室内", "转移至普通病房".
_SITE = (
    r"(?:骨|肝|肺|脑|腦|淋巴|肾上腺|腎上腺|腹膜|胸膜|腹腔|胸腔|全身|身体|身體|"
    r"其他器官|其它器官|其他部位|其它部位|对侧|對側|"
    r"脊|骨盆|肋|卵巢|皮肤|皮膚|胃|肠|腸|肾|腎|膀胱|脾|胰|乳房|颈部|頸部|"
    r"锁骨|鎖骨|纵隔|縱隔|腋下|心包|软组织|軟組織|肌肉)"
)
# In Hong Kong 電療 is radiotherapy; in Taiwan it is also a physiotherapy
# treatment ("復健科做電療及熱敷"): linked only in a sentence about cancer
# treatment, never in one about rehabilitation.
_REHAB = r"(?:復健|复健|物理治療|物理治疗|熱敷|热敷|牽引|牵引|針灸|针灸)"
_ONCOLOGY = r"(?:化療|化學治療|放射|放療|腫瘤|癌|標靶|免疫治療|手術|術後|復發|轉移|淋巴)"

RULES = LanguageRules(
    code="zh",
    fuzzy_lengths=None,
    # Strong signs of a medical passage. Not 诊断 ("故障诊断", "经营诊断",
    # "诊断性测试"), 基因 ("刻进基因") or 治疗 (a sports injury, "治疗拖延症").
    context_cues=(
        "癌",
        "癌症",
        "肿瘤",
        "腫瘤",
        "肿瘤科",
        "腫瘤科",
        "医生",
        "醫生",
        "医师",
        "醫師",
        "护士",
        "護士",
        "護理師",
        "医院",
        "醫院",
        "门诊",
        "門診",
        "复诊",
        "複診",
        "覆診",
        "回診",
        "就诊",
        "就診",
        "住院",
        "病房",
        "病历",
        "病歷",
        "病理",
        "患者",
        "病人",
        "病患",
        "衛教",
        "抗癌",
        # Genes tested in cancer care.
        "EGFR",
        "KRAS",
        "ALK",
        "BRAF",
        "HER2",
        "BRCA",
        "BRCA1",
        "BRCA2",
    ),
    blocking=(
        # Not stage 4: often treated to cure.
        "局部晚期",
        "局部晚期癌症",
        "局部晚期肿瘤",
        "局部晚期腫瘤",
        "中晚期",
        # Departments, not a tumour.
        "肿瘤科",
        "腫瘤科",
        "肿瘤内科",
        "腫瘤內科",
        "肿瘤外科",
        "腫瘤外科",
        "血液肿瘤科",
        "血液腫瘤科",
        "临床肿瘤科",
        "臨床腫瘤科",
        "放射肿瘤科",
        "放射腫瘤科",
        "肿瘤医院",
        "腫瘤醫院",
        "肿瘤中心",
        "腫瘤中心",
        # Other diseases are staged too; a phase 4 trial is not stage 4.
        *(
            root + stage
            for root in (
                "肾脏病",
                "腎臟病",
                "肾病",
                "腎病",
                "CKD",
                "CKD ",
                "压疮",
                "壓瘡",
                "褥疮",
                "褥瘡",
                "压力性损伤",
                "壓力性損傷",
                "心衰",
                "心力衰竭",
                "心衰竭",
                "子宫内膜异位症",
                "子宮內膜異位症",
                "淋巴水肿",
                "淋巴水腫",
            )
            for stage in ("4期", "四期", "IV期", "第4期", "第四期", "第IV期")
        ),
        *(
            stage + trial
            for stage in ("4期", "四期", "IV期", "第4期", "第四期", "第IV期")
            for trial in ("临床试验", "臨床試驗", "临床研究", "臨床研究")
        ),
        "4期工程",
        "四期工程",
        "第四期工程",
        # End-stage organ failure is not a terminal cancer.
        "终末期肾病",
        "終末期腎病",
        "终末期肾脏病",
        "終末期腎臟病",
        "终末期肝病",
        "終末期肝病",
        "终末期心衰",
        "末期腎病",
        "末期腎臟病",
        "末期腎衰竭",
        "末期肝病",
        "末期心衰竭",
        # 末期 of an era.
        "年代末期",
        "时代末期",
        "時代末期",
        "世纪末期",
        "世紀末期",
        "朝末期",
        # 转移: moved, diverted ("转移到" is linked only before a body site).
        "转移注意力",
        "轉移注意力",
        "转移视线",
        "轉移視線",
        "转移话题",
        "轉移話題",
        "转移资金",
        "轉移資金",
        "恶性高热",
        "惡性高熱",
        # Instalments, phased building.
        "分期付款",
        "分期还款",
        "分期還款",
        "分期贷款",
        "分期貸款",
        "分期缴费",
        "分期繳費",
        "分期建设",
        "分期建設",
        # Radical surgery is surgery, not a promise of cure; "healing" fiction.
        "根治性",
        "根治术",
        "根治術",
        "治愈系",
        "治癒系",
        # Pain relieved, not a tumour response.
        "痛完全缓解",
        "痛完全緩解",
        "痛部分缓解",
        "痛部分緩解",
        "症状完全缓解",
        "症狀完全緩解",
        "症状部分缓解",
        "症狀部分緩解",
        "完全反应不过来",
        "完全反應不過來",
        # Idioms and other trades.
        "英雄气短",
        "英雄氣短",
        "声嘶力竭",
        "聲嘶力竭",
        "随地吐痰",
        "隨地吐痰",
        "回天乏力",
        "增长乏力",
        "增長乏力",
        "融资乏力",
        "融資乏力",
        "疲劳驾驶",
        "疲勞駕駛",
        "审美疲劳",
        "審美疲勞",
        "视疲劳",
        "視疲勞",
        "视觉疲劳",
        "視覺疲勞",
        "金属疲劳",
        "金屬疲勞",
        "刻进DNA",
        "刻進DNA",
        "刻在DNA",
        "故障诊断",
        "故障診斷",
        "外科手术式",
        "外科手術式",
        "PET瓶",
        "PET塑料",
        "PET塑膠",
        "PET材质",
        "PET材質",
        "切片吐司",
        "切片蛋糕",
        "切片面包",
        "切片麵包",
        "切片机",
        "切片機",
        "晶圆切片",
        "晶圓切片",
        # A targeted biopsy; RECIST target lesions.
        "靶向穿刺",
        "標靶病灶",
    ),
    patterns=(
        TNM,
        Pattern(names=_TNM_MORE, before=_TNM_BEFORE, after=_TNM_AFTER),
        Pattern(
            names=tuple(n for n in _TNM_ALL if "T" in n),
            after=rf"^{_ITEM}{_N_ITEM}\s*[:：]",
        ),
        Pattern(
            names=tuple(n for n in _TNM_ALL if "N" in n),
            before=rf"(?<![\w]){_T_ITEM}{_ITEM}$",
            after=rf"^{_ITEM}{_M_ITEM}\s*[:：]",
        ),
        Pattern(
            names=tuple(n for n in _TNM_ALL if "M" in n),
            before=rf"(?<![\w]){_N_ITEM}{_ITEM}$",
        ),
        # "ECOG PS 1", "PS：1分"; not "PS：周四上午10:00" (a postscript).
        Pattern(
            names=("PS",),
            before=r"(?:ECOG|WHO|Zubrod)\s*$",
            after=r"^\s*(?:[:=：]|评分|評分|为|為)?\s*[0-4](?!\s*[\d.,:：点點时時号號月日])",
        ),
        # "疗效评价：PR", "评估为CR", "达到CR".
        Pattern(
            names=("CR", "PR"),
            before=(
                r"(?:疗效|療效|评价|評價|评估|評估|评效|評效|最佳疗效|最佳療效|"
                r"最佳反应|最佳反應|评估为|評估為|评价为|評價為|达到|達到|获得|獲得)"
                r"\s*[:：=]?\s*$"
            ),
        ),
        Pattern(
            names=("晚期",),
            before=rf"{_CANCER}(?:已经|已經|已|到了|是|就是|都|属于|屬於|进入|進入|\s){{0,3}}$",
            after=rf"^{_FILLER}{_CANCER}",
        ),
        Pattern(
            names=("转移性", "轉移性"),
            after=rf"^(?:{_ORGAN}(?:癌|癌症|肿瘤|腫瘤)|(?:恶性|惡性)?黑色素瘤)",
        ),
        Pattern(
            names=tuple(
                done + verb + to
                for done in ("", "已", "已经", "已經")
                for verb in ("转移", "轉移")
                for to in ("到", "至")
            ),
            after=rf"^\s*了?\s*{_SITE}",
        ),
        # Antibody drug names end in 单抗 (帕博利珠单抗, pembrolizumab): the
        # class is linked after a target ("EGFR单抗", "CD20单抗") or on its
        # own, never as the tail of a drug's name.
        Pattern(
            names=("单抗", "單抗"),
            before=r"(?:^|[^\u4e00-\u9fff]|[用的类類和或与與及把是打])\s*$",
        ),
        Pattern(
            names=("電療",),
            before=rf"^(?!.*{_REHAB}).*{_ONCOLOGY}",
            after=rf"^(?!.*{_REHAB}).*{_ONCOLOGY}",
        ),
    ),
)
