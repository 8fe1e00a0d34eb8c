package org.cppcc.archive.document.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A real PDF made with PDFBox from the PDF markup of the unseen fixtures (compilations/unseen/README.md): one drawn
 * line per line, {@code \f} alone on a line ends the page. Chinese needs a CJK font: Debian's fonts-wqy-zenhei
 * ({@code TEST_CJK_FONT}, installed by deploy/test). A U+FFFD stands for a glyph that failed to map: the line is
 * drawn with 〓 there and the font's ToUnicode map sends that glyph to U+FFFD, so text extraction yields U+FFFD
 * exactly where the markup has it, as it does for a damaged PDF.
 */
public final class PdfFixture {

    public static final String FONT = System.getenv().getOrDefault("TEST_CJK_FONT",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final char STAND_IN = '〓';
    private static final float SIZE = 10.5f;
    private static final float LEADING = 16;
    private static final float MARGIN = 56;

    private PdfFixture() {
    }

    public static byte[] fromMarkup(String markup) {
        List<List<String>> pages = pages(markup);
        try (TrueTypeCollection fonts = new TrueTypeCollection(new File(FONT))) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            fonts.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            Map<String, String> toUnicode = new TreeMap<>();
            ByteArrayOutputStream drawn = new ByteArrayOutputStream();
            try (PDDocument doc = new PDDocument()) {
                PDType0Font font = PDType0Font.load(doc, first[0], true);
                for (List<String> lines : pages) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                        float y = PDRectangle.A4.getHeight() - MARGIN;
                        for (String line : lines) {
                            String glyphs = line.replace('\uFFFD', STAND_IN);
                            if (!glyphs.isEmpty()) {
                                content.beginText();
                                content.setFont(font, SIZE);
                                content.newLineAtOffset(MARGIN, y);
                                content.showText(glyphs);
                                content.endText();
                                remember(font, glyphs, toUnicode);
                            }
                            y -= LEADING;
                        }
                    }
                }
                doc.save(drawn);
            }
            return withToUnicode(drawn.toByteArray(), toUnicode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a PDF with the CJK font " + FONT, e);
        }
    }

    /** Pages of lines: {@code \f} ends a page, and a page holds at most as many lines as fit on A4. */
    private static List<List<String>> pages(String markup) {
        int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        for (String line : markup.split("\n", -1)) {
            if (line.equals("\\f") || page.size() == perPage) {
                pages.add(page);
                page = new ArrayList<>();
                if (line.equals("\\f")) {
                    continue;
                }
            }
            page.add(line);
        }
        pages.add(page);
        return pages;
    }

    /** Character code (hex) → the UTF-16BE (hex) text extraction should give for it; the stand-in → U+FFFD. */
    private static void remember(PDType0Font font, String glyphs, Map<String, String> toUnicode) throws IOException {
        for (int i = 0; i < glyphs.length(); ) {
            int cp = glyphs.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            String unicode = cp == STAND_IN ? "FFFD"
                    : HexFormat.of().withUpperCase().formatHex(ch.getBytes(StandardCharsets.UTF_16BE));
            toUnicode.put(HexFormat.of().withUpperCase().formatHex(font.encode(ch)), unicode);
            i += Character.charCount(cp);
        }
    }

    /** PDFBox writes a true ToUnicode map; replace it with ours, which differs only for the stand-in glyph. */
    private static byte[] withToUnicode(byte[] pdf, Map<String, String> toUnicode) throws IOException {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<String, String>> entries = new ArrayList<>(toUnicode.entrySet());
        for (int from = 0; from < entries.size(); from += 100) { // a bfchar block holds at most 100 entries
            List<Map.Entry<String, String>> block = entries.subList(from, Math.min(from + 100, entries.size()));
            cmap.append(block.size()).append(" beginbfchar\n");
            block.forEach(e -> cmap.append('<').append(e.getKey()).append("> <").append(e.getValue()).append(">\n"));
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDStream stream = new PDStream(doc,
                    new ByteArrayInputStream(cmap.toString().getBytes(StandardCharsets.US_ASCII)));
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    resources.getFont(name).getCOSObject().setItem(COSName.TO_UNICODE, stream);
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
