"""Print the reading grade of the English definitions (Flesch-Kincaid, textstat 0.7.4).

Usage: python tools/content/readability.py
"""

from __future__ import annotations

import statistics

import textstat

from glossary_service.content import load_content


def main() -> None:
    terms = list(load_content().terms.values())
    grades = sorted((textstat.flesch_kincaid_grade(t.definition), t.id) for t in terms)
    values = [g for g, _ in grades]
    p90 = values[round(0.9 * (len(values) - 1))]
    print(f"definitions: {len(values)}")
    print(
        f"Flesch-Kincaid grade: mean {statistics.mean(values):.2f}, median "
        f"{statistics.median(values):.1f}, 90th percentile {p90:.1f}, max {values[-1]:.1f}"
    )
    print("hardest:", ", ".join(f"{i} ({g})" for g, i in grades[-5:]))


if __name__ == "__main__":
    main()
