#!/usr/bin/env python3
"""Writes foreign.docx, a plan made the way other software makes one (python-docx,
Word's own default template), into the directory given as the argument.

tests/import_docx.rs reads it back and checks the structure: a borderless
two-column header table, headings with Word's automatic numbering, a paragraph
in the legacy .VnTime font (TCVN3), a tracked insertion and deletion, a comment,
and an appendix table over two pages whose header row repeats, with a merged
group row (gridSpan) and a vertical merge (vMerge).
"""
import copy
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W = nsdecls("w")

# Numbering: level 0 "I.", level 1 "1." (restarts under each level 0), level 2 "-".
ABSTRACT = f"""<w:abstractNum {W} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'

COMMENTS = f"""<w:comments {W}><w:comment w:id="0" w:author="Cán bộ" w:date="2026-12-05T00:00:00Z">
<w:p><w:r><w:t>Xem lại số liệu</w:t></w:r></w:p></w:comment></w:comments>"""


def add_numbering(doc):
    numbering = doc.part.numbering_part.element
    # abstractNum elements must come before num elements.
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(ABSTRACT)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM))


def numbered(doc, text, level, bold=False):
    p = doc.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    p.add_run(text).bold = bold
    return p


def header_table(doc):
    # No table style: Word's "Normal Table", without borders.
    t = doc.add_table(rows=2, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN")
    left.add_paragraph().add_run("PHƯỜNG HỒNG AN").bold = True
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    for c in (left, right):
        for p in c.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.rows[1].cells[0].paragraphs[0].add_run("Số: 12/KH-UBND")
    t.rows[1].cells[1].paragraphs[0].add_run("Hồng An, ngày 05 tháng 12 năm 2026").italic = True


def legacy_paragraph(doc, text, font):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.font.name = font  # sets w:rFonts ascii and hAnsi
    return p


def tracked_paragraph(doc):
    p = doc.add_paragraph()
    p.add_run("Thời gian thực hiện: ")
    p._p.append(parse_xml(
        f'<w:ins {W} w:id="101" w:author="Cán bộ" w:date="2026-12-05T00:00:00Z">'
        '<w:r><w:t>quý I</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(
        f'<w:del {W} w:id="102" w:author="Cán bộ" w:date="2026-12-05T00:00:00Z">'
        '<w:r><w:delText>quý II</w:delText></w:r></w:del>'))
    p.add_run(" năm 2027.")


def commented_paragraph(doc):
    part = Part(PackURI("/word/comments.xml"), CT.WML_COMMENTS, COMMENTS.encode(), doc.part.package)
    doc.part.relate_to(part, RT.COMMENTS)
    p = doc.add_paragraph()
    p._p.append(parse_xml(f'<w:commentRangeStart {W} w:id="0"/>'))
    p.add_run("Kinh phí thực hiện từ ngân sách phường.")
    p._p.append(parse_xml(f'<w:commentRangeEnd {W} w:id="0"/>'))
    p._p.append(parse_xml(f'<w:r {W}><w:commentReference w:id="0"/></w:r>'))


def appendix(doc, rows):
    doc.add_page_break()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("Phụ lục").bold = True
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"]):
        c.paragraphs[0].add_run(h).bold = True
    t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))
    # A group row: its heading spans the last three columns.
    g = t.add_row().cells
    g[0].paragraphs[0].add_run("I")
    merged = g[1].merge(g[3])
    merged.paragraphs[0].add_run("Nhóm việc thường xuyên").bold = True
    first = None
    for i in range(1, rows + 1):
        c = t.add_row().cells
        c[0].text = str(i)
        c[1].text = f"Việc số {i}"
        if i <= 2:
            # Rows 1 and 2 share one unit cell (vertical merge).
            first = c[2] if i == 1 else first.merge(c[2])
            if i == 1:
                c[2].text = "Công an phường"
        else:
            c[2].text = "Văn phòng"
        c[3].text = f"Tháng {1 + i % 12}"


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    doc = Document()
    add_numbering(doc)
    header_table(doc)
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.add_run("KẾ HOẠCH").bold = True
    legacy_paragraph(doc, "KÕ ho¹ch cña Uû ban nh©n d©n", ".VnTime")
    legacy_paragraph(doc, "KÕ HO¹CH", ".VnTimeH")
    numbered(doc, "MỤC ĐÍCH, YÊU CẦU", 0, bold=True)
    numbered(doc, "Mục đích", 1)
    numbered(doc, "Nâng cao nhận thức", 2)
    numbered(doc, "Yêu cầu", 1)
    numbered(doc, "NỘI DUNG", 0, bold=True)
    numbered(doc, "Tuyên truyền", 1)
    doc.add_paragraph("Tổ chức thực hiện", style="List Number")
    tracked_paragraph(doc)
    commented_paragraph(doc)
    appendix(doc, 60)
    doc.save(out / "foreign.docx")


if __name__ == "__main__":
    main()
