package cn.dongcheng.platform.credit.report;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The font reports are set in: WenQuanYi Micro Hei (文泉驿微米黑, Apache 2.0), a TrueType subset of Latin, CJK
 * punctuation and the CJK Unified Ideographs block committed with its licence under {@code credit/report/}, so a
 * fresh clone needs nothing else. Read once; parsed fonts are kept in a small pool and lent to one PDF at a time (a
 * parsed font reads its file as it goes, so it is not shared between threads, and parsing it for every PDF cost more
 * than drawing the report). Each PDF embeds the subset of glyphs it uses. A character the font lacks is printed as
 * {@code □} rather than failing the report.
 */
public final class ReportFont {

    public static final String RESOURCE = "credit/report/wqy-microhei-subset.ttf";
    static final char MISSING = '□';

    private final byte[] truetype;
    private final BitSet glyphs = new BitSet(0x10000);
    private final BlockingQueue<TrueTypeFont> parsed = new ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private ReportFont(byte[] truetype) throws IOException {
        this.truetype = truetype;
        try (TrueTypeFont font = parse()) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int c = 0; c < 0x10000; c++) {
                if (cmap.getGlyphId(c) > 0) {
                    glyphs.set(c);
                }
            }
        }
        if (!glyphs.get(MISSING) || !glyphs.get('信')) {
            throw new IOException("the report font lacks basic glyphs");
        }
    }

    public static ReportFont load(InputStream truetype) throws IOException {
        return new ReportFont(truetype.readAllBytes());
    }

    public static ReportFont bundled() {
        try (InputStream in = ReportFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** A parsed font lent to one document until the lease is closed, after the document is saved. */
    Lease lease() throws IOException {
        TrueTypeFont font = parsed.poll();
        return new Lease(font != null ? font : parse());
    }

    /** One parsed font on loan; closing it hands the font back (or drops it when the pool is full). */
    final class Lease implements AutoCloseable {
        private final TrueTypeFont font;

        private Lease(TrueTypeFont font) {
            this.font = font;
        }

        /** The font for the document, embedded as a subset of the glyphs it uses when the document is saved. */
        PDType0Font embedIn(PDDocument document) throws IOException {
            return PDType0Font.load(document, font, true);
        }

        @Override
        public void close() {
            parsed.offer(font);
        }
    }

    /** The text with what the font cannot print replaced: line breaks and tabs by spaces, missing glyphs by □. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (c < 0x10000 && glyphs.get(c)) {
                out.append((char) c);
            } else if (!Character.isISOControl(c)) {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private TrueTypeFont parse() throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(truetype));
    }
}
