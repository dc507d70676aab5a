"""python-docx 0.8 drops w:noBreakHyphen from a run's text; truongso
writes a hyphen inside a word that way ("2025-2026" never breaks after
its hyphen in Writer or Word). Importing this module makes python-docx
read it as "-", as Word shows it."""
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R

_CHARS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
          qn("w:noBreakHyphen"): "-"}


def _text(self):
    out = ""
    for child in self:
        if child.tag == qn("w:t"):
            out += child.text or ""
        else:
            out += _CHARS.get(child.tag, "")
    return out


CT_R.text = property(_text, CT_R.text.fset)
