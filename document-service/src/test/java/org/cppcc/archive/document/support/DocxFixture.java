package org.cppcc.archive.document.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A real .docx made with Apache POI from the DOCX markup of the unseen fixtures (compilations/unseen/README.md):
 * one line per Word paragraph, {@code [H1] }/{@code [H2] } for Word's built-in Heading 1/2 styles, {@code [B]…[/B]}
 * for a bold run at the start of a paragraph.
 */
public final class DocxFixture {

    private DocxFixture() {
    }

    public static byte[] fromMarkup(String markup) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            addHeadingStyle(styles, 1);
            addHeadingStyle(styles, 2);
            for (String line : markup.split("\n", -1)) {
                XWPFParagraph paragraph = doc.createParagraph();
                String text = line;
                for (int level = 1; level <= 2; level++) {
                    if (text.startsWith("[H" + level + "] ")) {
                        paragraph.setStyle("Heading" + level);
                        text = text.substring(5);
                    }
                }
                if (text.startsWith("[B]") && text.contains("[/B]")) {
                    int end = text.indexOf("[/B]");
                    XWPFRun bold = paragraph.createRun();
                    bold.setBold(true);
                    bold.setText(text.substring(3, end));
                    text = text.substring(end + 4);
                }
                if (!text.isEmpty()) {
                    paragraph.createRun().setText(text);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Word's own definition: style id Heading1, name "heading 1", an outline level. */
    private static void addHeadingStyle(XWPFStyles styles, int level) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading" + level);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading " + level);
        style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        styles.addStyle(new XWPFStyle(style));
    }
}
