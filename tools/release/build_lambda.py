"""Build the AWS Lambda package, build/lambda.zip, from nothing (issue 6).

Usage: .venv/bin/python tools/release/build_lambda.py [--stage dev] [--output build/lambda.zip]

Run it with the interpreter of the "build tools" environment: the dev venv,
which has zappa (requirements-dev.txt). The package itself is made from a
separate, runtime-only environment, so nothing of the dev tooling ships:

1. a fresh virtual environment gets requirements.txt plus zappa and durationpy
   (zappa's handler imports them), without their dependencies: boto3 and
   botocore are provided by the Lambda runtime. Wheels are the manylinux ones
   for the Lambda platform (x86_64, CPython 3.11), never built here;
2. Babel's locale data is trimmed to the locales the package serves (and their
   CLDR parents), pytz's zoneinfo to UTC (Lambda runs with TZ=:UTC);
3. the project is copied, its catalogs compiled into the copy (served locales =
   compiled catalogs), what the service can precompute saved there (the parsed
   content and term names: ``flask --app glossary_service glossary snapshot``), and
   ``zappa package`` run there with VIRTUAL_ENV pointing at the runtime
   environment; ``exclude`` in zappa_settings.json keeps tests, benches, tools
   and .po sources out;
4. the package is unpacked and every module compiled with
   ``--invalidation-mode unchecked-hash``: Zappa stamps every zip entry 1980,
   so timestamp-checked .pyc would never match their sources on Lambda and
   every cold start would compile everything again;
5. it is zipped again deterministically (sorted entries, fixed times and
   modes, a package_info.json derived from the content), so the same sources
   give the same bytes.

It also installs a boto3 stand-in (build/boto3-standin), the same boto3
versions the tools use, for local runs and tests: the Lambda runtime provides
boto3 from outside the package, and so does the stand-in.

Only PyPI is contacted (pip, and zappa's own version check).
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import importlib.util
import json
import os
import shutil
import stat
import subprocess
import sys
import time
import uuid
import zipfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BUILD = ROOT / "build"
SETTINGS_FILE = ROOT / "zappa_settings.json"

PY_TAG = f"python{sys.version_info.major}.{sys.version_info.minor}"
# Lambda's python3.11 runs on Amazon Linux 2 (glibc 2.26) on x86_64 by
# default: manylinux2014 (glibc 2.17) wheels fit, newer ones would not.
PLATFORMS = ("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")
ARCHITECTURE = "x86_64"
# Everything inside the zip carries the same time, as Zappa writes it.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
LAMBDA_TASK_ROOT = "/var/task"
# What zappa's handler needs from outside the package on Lambda: boto3 and
# its dependencies, provided by the runtime.
RUNTIME_PROVIDED = "boto3"
# pytz zones kept: flask-babel's default timezone and the names Lambda's
# TZ=:UTC may resolve to.
PYTZ_KEEP = (
    "UTC",
    "GMT",
    "Universal",
    "Zulu",
    "Etc/UTC",
    "Etc/GMT",
    "Etc/Universal",
    "Etc/Zulu",
    "Etc/Greenwich",
    "iso3166.tab",
    "zone.tab",
    "zone1970.tab",
)
# Copying the project for zappa: skip what is big, generated or private; the
# ``exclude`` list of zappa_settings.json decides what of the rest ships.
STAGE_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "node_modules",
    "__pycache__",
    "*.pyc",
    "*.mo",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
)


class BuildError(RuntimeError):
    """The package cannot be built as asked; the message says why."""


def log(message: str) -> None:
    print(f"build_lambda: {message}", flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, check=False, text=True, capture_output=True, **kwargs)
    if result.returncode != 0:
        raise BuildError(
            f"command failed ({result.returncode}): {' '.join(map(str, cmd))}\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )
    return result


# -- settings and tools -----------------------------------------------------


def stage_settings(stage: str, settings_file: Path = SETTINGS_FILE) -> dict:
    """The settings of one stage, ``extends`` resolved as zappa resolves it."""
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    if stage not in settings:
        raise BuildError(f"stage {stage!r} is not in {settings_file.name}")
    own = dict(settings[stage])
    parent = own.pop("extends", None)
    return {**stage_settings(parent, settings_file), **own} if parent else own


def tool_version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        raise BuildError(
            f"{dist} is not installed in {sys.prefix}: run this with the dev venv "
            "(requirements-dev.txt pins zappa), e.g. .venv/bin/python tools/release/build_lambda.py"
        ) from None


def check_tools(settings: dict) -> dict[str, str]:
    if settings.get("runtime") != PY_TAG:
        raise BuildError(
            f"zappa_settings.json says runtime {settings.get('runtime')!r} but this is "
            f"{PY_TAG}: build with the Python the Lambda runtime runs"
        )
    if settings.get("use_precompiled_packages", True):
        raise BuildError("use_precompiled_packages must be false (offline, deterministic)")
    if settings.get("slim_handler"):
        raise BuildError("slim_handler is not supported by this build")
    if settings.get("architecture", "x86_64") != ARCHITECTURE:
        raise BuildError(f"this build makes {ARCHITECTURE} packages")
    return {dist: tool_version(dist) for dist in ("zappa", "durationpy")}


def closure(dist: str) -> dict[str, str]:
    """``dist`` and everything it needs, at the versions installed here."""
    from packaging.requirements import Requirement

    found: dict[str, str] = {}
    todo = [dist]
    while todo:
        name = todo.pop()
        d = metadata.distribution(name)
        key = d.metadata["Name"]
        if key in found:
            continue
        found[key] = d.version
        for spec in d.requires or ():
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return dict(sorted(found.items()))


def pip(*args: str) -> None:
    run([sys.executable, "-m", "pip", "--disable-pip-version-check", "install", *args])


# -- the runtime environment ---------------------------------------------------


def runtime_site_packages(venv: Path) -> Path:
    return venv / "lib" / PY_TAG / "site-packages"


def make_runtime_venv(venv: Path, extra: dict[str, str]) -> Path:
    """A venv holding only what the service and zappa's handler import."""
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    site = runtime_site_packages(venv)
    platform_args = [arg for p in PLATFORMS for arg in ("--platform", p)]
    pip(
        "--no-deps",
        "--no-compile",
        "--only-binary=:all:",
        *platform_args,
        "--implementation",
        "cp",
        "--python-version",
        f"{sys.version_info.major}.{sys.version_info.minor}",
        "--target",
        str(site),
        "-r",
        str(ROOT / "requirements.txt"),
        *(f"{name}=={version}" for name, version in extra.items()),
    )
    # --target puts console scripts beside the packages; Lambda never runs them.
    shutil.rmtree(site / "bin", ignore_errors=True)
    return site


def babel_locales_needed(site: Path, catalogs: list[str]) -> list[str]:
    """root, en, each served catalog and its CLDR parents, as Babel loads them."""
    probe = (
        "import json, sys\n"
        "from babel import Locale, localedata\n"
        "for name in ['root', 'en', *sys.argv[1:]]:\n"
        "    localedata.load(str(Locale.parse(name)) if name != 'root' else name)\n"
        "print(json.dumps(sorted(localedata._cache)))\n"
    )
    setup = f"import sys; sys.path.insert(0, {str(site)!r})\n"
    out = run([sys.executable, "-I", "-S", "-B", "-c", setup + probe, *catalogs])
    return json.loads(out.stdout)


def trim_locale_data(site: Path, catalogs: list[str]) -> list[str]:
    keep = babel_locales_needed(site, catalogs)
    data = site / "babel" / "locale-data"
    for dat in data.glob("*.dat"):
        if dat.stem not in keep:
            dat.unlink()
    zoneinfo = site / "pytz" / "zoneinfo"
    kept = {zoneinfo / name for name in PYTZ_KEEP}
    for path in sorted(zoneinfo.rglob("*"), reverse=True):
        if path.is_file() and path not in kept:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return keep


# -- the project -----------------------------------------------------------------


def stage_project(dest: Path) -> list[str]:
    """Copy the project and compile its catalogs; return the served catalogs."""
    shutil.copytree(ROOT, dest, ignore=STAGE_IGNORE)
    translations = dest / "translations"
    if not (translations / "messages.pot").is_file():
        raise BuildError("translations/messages.pot is missing (make extract)")
    if any(translations.glob("*/LC_MESSAGES/messages.po")):
        check_catalogs(dest)
        run([sys.executable, "-m", "babel.messages.frontend", "compile", "-d", str(translations)])
    return sorted(mo.parent.parent.name for mo in translations.glob("*/LC_MESSAGES/messages.mo"))


def check_catalogs(project: Path) -> None:
    """A package never ships a released catalog that make i18n-check fails
    (incomplete, fuzzy, a lost placeholder): drafts may be incomplete."""
    checked = subprocess.run(
        [sys.executable, "tools/i18n/check.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if checked.returncode:
        raise BuildError("catalogs fail make i18n-check:\n" + checked.stdout.strip())


def snapshot(project: Path) -> list[str]:
    """Precompute at build time what a cold start would (the parsed content,
    every term's name in every catalog), with the app's own command, in the
    staged copy: ``flask --app glossary_service glossary snapshot``."""
    out = run(
        [sys.executable, "-B", "-m", "flask", "--app", "glossary_service", "glossary", "snapshot"],
        cwd=project,
    ).stdout
    return out.split()


def remove_bytecode(tree: Path) -> None:
    """Zappa drops an empty __init__.py into every folder holding .pyc files,
    __pycache__ included; compiling happens after it, on what ships."""
    for cache in sorted(tree.rglob("__pycache__")):
        shutil.rmtree(cache)


def zappa_package(project: Path, venv: Path, stage: str, output: Path) -> None:
    remove_bytecode(project)
    remove_bytecode(runtime_site_packages(venv))
    env = {
        **os.environ,
        "VIRTUAL_ENV": str(venv),
        # Packaging needs no AWS account; make sure none is ever read.
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    for name in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        env.pop(name, None)
    run(
        [sys.executable, "-m", "zappa.cli", "package", stage, "-o", str(output)],
        cwd=project,
        env=env,
    )


# -- compiling, checking and zipping ------------------------------------------------


def compile_tree(tree: Path) -> None:
    """unchecked-hash .pyc for every module, with Lambda's paths in tracebacks."""
    run(
        [
            sys.executable,
            "-m",
            "compileall",
            "-f",
            "-q",
            "--invalidation-mode",
            "unchecked-hash",
            "-s",
            str(tree),
            "-p",
            LAMBDA_TASK_ROOT,
            str(tree),
        ]
    )


def pyc_path(py: Path) -> Path:
    return Path(importlib.util.cache_from_source(str(py)))


def check_compiled(tree: Path) -> int:
    """Every .py has an unchecked-hash .pyc of exactly its source; return the count."""
    problems = []
    count = 0
    for py in sorted(tree.rglob("*.py")):
        pyc = pyc_path(py)
        head = pyc.read_bytes()[:16] if pyc.is_file() else b""
        source_hash = importlib.util.source_hash(py.read_bytes())
        if (
            head[:4] != importlib.util.MAGIC_NUMBER
            or int.from_bytes(head[4:8], "little") != 0b01
            or head[8:16] != source_hash
        ):
            problems.append(str(py.relative_to(tree)))
        count += 1
    if problems:
        raise BuildError("modules without an unchecked-hash .pyc: " + ", ".join(problems[:20]))
    return count


def tree_digest(tree: Path, skip: set[str] = frozenset()) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in tree.rglob("*") if p.is_file()):
        rel = path.relative_to(tree).as_posix()
        if rel not in skip:
            digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def normalize_package_info(tree: Path) -> None:
    """Zappa writes a random uuid, the build time and the user name; derive
    them from the content instead, so the same sources give the same zip."""
    info_path = tree / "package_info.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.is_file() else {}
    digest = tree_digest(tree, skip={"package_info.json"})
    info.update(
        uuid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"glossary-service:{digest}")),
        build_time=os.environ.get("SOURCE_DATE_EPOCH", str(calendar.timegm((*ZIP_EPOCH, 0, 0, 0)))),
        build_platform="linux",
        build_user="zappa",
        content_sha256=digest,
    )
    info_path.write_text(json.dumps(info, indent=4, sort_keys=True) + "\n", encoding="utf-8")


def write_zip(tree: Path, output: Path) -> None:
    """Sorted entries, one timestamp, fixed modes: same tree, same bytes."""
    files = {p.relative_to(tree).as_posix(): p for p in tree.rglob("*") if p.is_file()}
    tmp = output.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for name, path in sorted(files.items()):
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.create_system = 3  # unix, so the modes below are honoured
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(output)


def extract_like_lambda(zip_path: Path, dest: Path) -> Path:
    """Unpack as Lambda does: every file keeps the zip's 1980 timestamp."""
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(dest)
        for info in archive.infolist():
            stamp = calendar.timegm((*info.date_time, 0, 0, 0))
            os.utime(dest / info.filename, (stamp, stamp))
    return dest


# -- the boto3 stand-in ---------------------------------------------------------------


def make_boto3_standin(dest: Path) -> dict[str, str]:
    """boto3 and its dependencies at the tools' versions, outside the package."""
    versions = closure(RUNTIME_PROVIDED)
    shutil.rmtree(dest, ignore_errors=True)
    pip(
        "--no-deps",
        "--only-binary=:all:",
        "--target",
        str(dest),
        *(f"{n}=={v}" for n, v in versions.items()),
    )
    shutil.rmtree(dest / "bin", ignore_errors=True)
    return versions


# -- all of it ------------------------------------------------------------------------


def build(
    output: Path = BUILD / "lambda.zip",
    work: Path = BUILD / "lambda-work",
    stage: str = "dev",
    standin: Path | None = BUILD / "boto3-standin",
) -> dict:
    started = time.perf_counter()
    settings = stage_settings(stage)
    extra = check_tools(settings)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    output.parent.mkdir(parents=True, exist_ok=True)

    log("staging the project and compiling catalogs")
    project = work / "project"
    catalogs = stage_project(project)
    log(f"served catalogs: en (source) + {', '.join(catalogs) or 'none'}")
    log(f"snapshots: {', '.join(snapshot(project))}")

    log(f"runtime-only environment: requirements.txt + {extra}")
    venv = work / "lambda-runtime-venv"
    site = make_runtime_venv(venv, extra)
    babel_kept = trim_locale_data(site, catalogs)
    log(f"Babel locale data kept: {', '.join(babel_kept)}")

    log(f"zappa package {stage}")
    raw_zip = work / "zappa-package.zip"
    zappa_package(project, venv, stage, raw_zip)

    log("compiling every module (unchecked-hash) and zipping deterministically")
    tree = extract_like_lambda(raw_zip, work / "tree")
    compile_tree(tree)
    modules = check_compiled(tree)
    normalize_package_info(tree)
    write_zip(tree, output)

    versions = make_boto3_standin(standin) if standin is not None else {}
    summary = {
        "zip": str(output),
        "bytes": output.stat().st_size,
        "sha256": hashlib.sha256(output.read_bytes()).hexdigest(),
        "modules": modules,
        "catalogs": catalogs,
        "babel_locale_data": babel_kept,
        "shipped_by_runtime": versions,
        "seconds": round(time.perf_counter() - started, 1),
    }
    log(
        f"{output} ({summary['bytes'] / 2**20:.2f} MiB, {modules} modules precompiled) "
        f"sha256 {summary['sha256'][:16]} in {summary['seconds']} s"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stage", default="dev")
    parser.add_argument("--output", type=Path, default=BUILD / "lambda.zip")
    parser.add_argument(
        "--work", type=Path, default=BUILD / "lambda-work", help="scratch directory (wiped)"
    )
    parser.add_argument(
        "--standin",
        type=Path,
        default=BUILD / "boto3-standin",
        help="where to install the boto3 stand-in",
    )
    parser.add_argument("--no-standin", action="store_true", help="skip the boto3 stand-in")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    try:
        summary = build(
            output=args.output.resolve(),
            work=args.work.resolve(),
            stage=args.stage,
            standin=None if args.no_standin else args.standin.resolve(),
        )
    except BuildError as exc:
        print(f"build_lambda: error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
