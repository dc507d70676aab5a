/* The small parts of the DOCX package: content types, relationships,
 * styles, settings, the page-number header and the document properties.
 * Only the styles the body uses are defined; Word and LibreOffice supply
 * the rest, so a user's edits still have the usual style gallery. */
#include "docx.h"

#define XML_DECL                                                               \
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R                                                                   \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL                                                             \
	"http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_WML                                                                 \
	"application/vnd.openxmlformats-officedocument."                       \
	"wordprocessingml."
/* Used when the report has no complete date: the day NĐ 30 was signed. */
#define DX_FIXED_DATE "2020-03-05"

void
dx_content_types(struct buf *b)
{
	buf_puts(
		b, XML_DECL
		"<Types xmlns=\"http://schemas.openxmlformats"
		".org/package/2006/content-types\">"
		"<Default Extension=\"rels\" ContentType=\"application/"
		"vnd.openxmlformats-package.relationships+xml\"/>"
		"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		"<Default Extension=\"png\" ContentType=\"image/png\"/>"
		"<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML
		"document.main+xml\"/>"
		"<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML
		"styles+xml\"/>"
		"<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_WML
		"settings+xml\"/>"
		"<Override PartName=\"/word/header1.xml\" ContentType=\"" CT_WML
		"header+xml\"/>"
		"<Override PartName=\"/word/header2.xml\" ContentType=\"" CT_WML
		"header+xml\"/>"
		"<Override PartName=\"/docProps/core.xml\" ContentType=\""
		"application/vnd.openxmlformats-package.core-properties+xml"
		"\"/><Override PartName=\"/docProps/app.xml\" ContentType=\""
		"application/vnd.openxmlformats-officedocument.extended-"
		"properties+xml\"/></Types>");
}

void
dx_root_rels(struct buf *b)
{
	buf_puts(b, XML_DECL
		 "<Relationships xmlns=\"" NS_PKG_REL "\">"
		 "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" "
		 "Target=\"word/document.xml\"/>"
		 "<Relationship Id=\"rId2\" Type=\"" NS_PKG_REL
		 "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
		 "<Relationship Id=\"rId3\" Type=\"" NS_R
		 "/extended-properties\" Target=\"docProps/app.xml\"/>"
		 "</Relationships>");
}

void
dx_doc_rels(struct buf *b, size_t nmedia)
{
	buf_puts(b, XML_DECL
		 "<Relationships xmlns=\"" NS_PKG_REL "\">"
		 "<Relationship Id=\"" DX_RID_STYLES "\" Type=\"" NS_R
		 "/styles\" Target=\"styles.xml\"/>"
		 "<Relationship Id=\"" DX_RID_SETTINGS "\" Type=\"" NS_R
		 "/settings\" Target=\"settings.xml\"/>"
		 "<Relationship Id=\"" DX_RID_HDR_PAGE "\" Type=\"" NS_R
		 "/header\" Target=\"header1.xml\"/>"
		 "<Relationship Id=\"" DX_RID_HDR_FIRST "\" Type=\"" NS_R
		 "/header\" Target=\"header2.xml\"/>");
	for (size_t i = 1; i <= nmedia; i++)
		buf_printf(b,
			   "<Relationship Id=\"rIdImg%zu\" Type=\"" NS_R
			   "/image\" Target=\"media/image%zu.png\"/>",
			   i, i);
	buf_puts(b, "</Relationships>");
}

static void
heading_style(struct buf *b, int level)
{
	buf_printf(
		b,
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\">"
		"<w:name w:val=\"heading %d\"/><w:basedOn w:val=\"Normal\"/>"
		"<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
		"<w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"%d\"/>"
		"</w:pPr><w:rPr><w:b/><w:bCs/>%s</w:rPr></w:style>",
		level, level, level - 1, level >= 3 ? "<w:i/><w:iCs/>" : "");
}

void
dx_styles(struct buf *b)
{
	buf_puts(
		b, XML_DECL
		"<w:styles xmlns:w=\"" NS_W "\">"
		"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" RP_FONT_DOCX
		"\" w:hAnsi=\"" RP_FONT_DOCX "\" w:eastAsia=\"" RP_FONT_DOCX
		"\" w:cs=\"" RP_FONT_DOCX "\"/>");
	buf_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
		   RP_SIZE_BODY * 2, RP_SIZE_BODY * 2);
	buf_puts(
		b,
		"<w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" "
		"w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
		"<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
		"</w:pPr></w:pPrDefault></w:docDefaults>"
		"<w:style w:type=\"paragraph\" w:default=\"1\" "
		"w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
		"<w:rPr><w:color w:val=\"000000\"/></w:rPr></w:style>");
	for (int level = 1; level <= 3; level++)
		heading_style(b, level);
	buf_puts(
		b,
		"<w:style w:type=\"paragraph\" w:styleId=\"Header\">"
		"<w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
		"<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr>"
		"<w:jc w:val=\"center\"/></w:pPr></w:style>"
		"<w:style w:type=\"table\" w:default=\"1\" "
		"w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
		"<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
		"<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
		"<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
		"w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
		"<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
		"</w:style><w:style w:type=\"table\" w:styleId=\"TableGrid\">"
		"<w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
		"<w:uiPriority w:val=\"39\"/><w:tblPr><w:tblBorders>"
		"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
		"w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" "
		"w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" "
		"w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right "
		"w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
		"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
		"w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" "
		"w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr>"
		"</w:style></w:styles>");
}

void
dx_settings(struct buf *b)
{
	/* Element order follows the CT_Settings sequence. compatibilityMode
	 * 15 keeps Word 2013+ from opening the file in compatibility mode,
	 * where editing is limited. doNotExpandShiftReturn: a justified line
	 * that ends in a line break ('\n' in a run) is not stretched. */
	buf_puts(
		b, XML_DECL
		"<w:settings xmlns:w=\"" NS_W "\">"
		"<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
		"<w:characterSpacingControl w:val=\"doNotCompress\"/>"
		"<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" "
		"w:uri=\"http://schemas.microsoft.com/office/word\" "
		"w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"vi-VN\"/>"
		"<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>"
		"</w:settings>");
}

void
dx_header_page(struct buf *b)
{
	/* A PAGE field, centred in the top margin; its cached value "1" is
	 * what a reader that does not compute fields shows. */
	buf_puts(b, XML_DECL
		 "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R
		 "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
		 "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		 "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"
		 "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
		 "<w:r><w:t>1</w:t></w:r>"
		 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>");
}

void
dx_header_empty(struct buf *b)
{
	/* The first page of every section: no page number (titlePg). */
	buf_puts(b, XML_DECL
		 "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R
		 "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>"
		 "</w:hdr>");
}

/* The creation date: the report's own date when complete, else a fixed
 * one, never the clock, so the same report gives the same file. */
static void
doc_date(struct buf *b, const struct rp_header *h)
{
	if (h && h->year > 0 && h->year < 10000 && h->month >= 1 &&
	    h->month <= 12 && h->day >= 1 && h->day <= 31)
		buf_printf(b, "%04d-%02d-%02d", h->year, h->month, h->day);
	else
		buf_puts(b, DX_FIXED_DATE);
	buf_puts(b, "T00:00:00Z");
}

void
dx_core(struct buf *b, const struct rp_doc *d)
{
	buf_puts(b, XML_DECL
		 "<cp:coreProperties xmlns:cp=\"http://schemas"
		 ".openxmlformats.org/package/2006/metadata/core-properties\" "
		 "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		 "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		 "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
		 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
		 "<dc:title>");
	dx_esc(b, d->title);
	buf_puts(b, "</dc:title><dc:creator>");
	dx_esc(b, d->author);
	buf_puts(b, "</dc:creator><cp:lastModifiedBy>");
	dx_esc(b, d->author);
	buf_puts(b, "</cp:lastModifiedBy><dc:language>vi-VN</dc:language>"
		    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
	doc_date(b, d->header);
	buf_puts(b, "</dcterms:created><dcterms:modified "
		    "xsi:type=\"dcterms:W3CDTF\">");
	doc_date(b, d->header);
	buf_puts(b, "</dcterms:modified></cp:coreProperties>");
}

void
dx_app(struct buf *b)
{
	buf_puts(
		b, XML_DECL
		"<Properties xmlns=\"http://schemas"
		".openxmlformats.org/officeDocument/2006/extended-properties\" "
		"xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/"
		"2006/docPropsVTypes\"><Application>truongso</Application>"
		"<DocSecurity>0</DocSecurity></Properties>");
}
