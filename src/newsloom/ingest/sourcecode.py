"""Tell scripts and program source apart from news reports: by shebang, file name, or lines that read as code."""
from __future__ import annotations

import re
from pathlib import PurePath

CODE_SUFFIXES = frozenset(
    ".sh .bash .zsh .ksh .csh .fish .ps1 .psm1 .bat .cmd .py .pyw .pyi .ipynb .js .mjs .cjs .jsx .ts .tsx .c .h "
    ".cc .cpp .cxx .hpp .hh .java .kt .kts .scala .go .rs .rb .pl .pm .lua .swift .cs .fs .vb .dart .groovy "
    ".gradle .ex .exs .erl .hs .ml .clj .el .lisp .sql .awk .sed .tcl .vim .cmake .mk .asm".split()
)
_SHEBANG = re.compile(r"\A\ufeff?#!\s*/")
_CODE_LINE = re.compile(
    r"""[;{}]\s*$                                             # statement or block end
    | ^\s*[})\]]                                             # closing bracket first
    | ^\s*(?:async\s+)?(?:def|class)\s+\w+.*:\s*$           # Python definition
    | ^\s*(?:import\s+[\w.]+|from\s+[\w.]+\s+import\s)       # imports
    | ^\s*(?:function|func|fn|sub|proc)\s+[\w$]+\s*\(       # function definitions
    | ^\s*(?:if|elif|for|while|with|try|except|else|finally)\b[^.!?]*:\s*$   # Python block openers
    | ^\s*(?:if|for|while|switch|catch)\s*\(                # C-family block openers
    | ^\s*\#\s*(?:include|define|ifn?def|endif|pragma)\b      # preprocessor
    | ^\s*(?:fi|done|esac|then|do|else|end|endif|endfor|break|continue|pass)\s*$  # block words alone
    | ^\s*(?:var|let|const|my|our|local|export|readonly)\s+[$\w]+\s*=  # declarations
    | ^\s*(?:return|echo|printf|print|exit)\b\s*[\w$"'(\[-]*\S*\s*$  # one-word statements
    | ^\s*[$\w.\[\]'"]+\s*(?:=|\+=|-=|:=|==)\s*\S             # assignment
    | ^\s*[\w.$]+\(.*\)\s*$                                   # call statement
    | &&|\|\||\$\(|\$\{|2>&1|\|\s*(?:grep|sed|awk|xargs|sh|bash|tee|sort|head|tail|cut|tr)\b  # shell plumbing
    | ^\s*(?:sudo\s+)?[a-z][\w.-]*(?:\s+-{1,2}[a-zA-Z][\w-]*)+(?:\s|$)  # command with flags
    """,
    re.X,
)
_COMMENT = ("#", "*", "/*", "//")  # comments (and Markdown headings or bullets): neither prose nor code
_CODE_SYMBOLS = "{};="
MIN_LINES = 3
CODE_SHARE = 0.5  # share of lines that read as code
SYMBOL_SHARE = 0.02  # share of `{};=` characters: news text stays under 0.3 %
_PROBE = 100_000
_PROBE_LINES = 400


def looks_like_code(text: str, name: str = "") -> bool:
    """True for a script or program source: a shebang, a source-file name, or mostly lines of code."""
    if _SHEBANG.match(text) or PurePath(name).suffix.lower() in CODE_SUFFIXES:
        return True
    probe = text[:_PROBE]
    if len(probe) >= 200 and sum(probe.count(c) for c in _CODE_SYMBOLS) >= SYMBOL_SHARE * len(probe):
        return True
    lines = [line for line in probe.splitlines()[:_PROBE_LINES] if line.strip()]
    lines = [line for line in lines if not line.lstrip().startswith(_COMMENT)]
    if len(lines) < MIN_LINES:
        return False
    code = sum(1 for line in lines if _CODE_LINE.search(line))
    return code >= CODE_SHARE * len(lines)
