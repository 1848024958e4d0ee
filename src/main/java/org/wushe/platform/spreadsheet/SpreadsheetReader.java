package org.wushe.platform.spreadsheet;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.wushe.shared.InvalidValueException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of an uploaded .xlsx (first sheet, SAX over the sheet XML — never the whole workbook in
 * memory) or .csv (UTF-8 with or without a BOM, or GB18030 as Chinese Excel saves it; RFC 4180 quoting) to a {@link RowHandler}, enforcing
 * {@link ImportLimits}. Any entity (social workers, volunteers, organisations) can reuse it.
 */
public final class SpreadsheetReader {

    static {
        ZipSecureFile.setMinInflateRatio(ImportLimits.MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(ImportLimits.MAX_ENTRY_SIZE);
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private SpreadsheetReader() {}

    /**
     * Reads the header (row 1) and every data row; returns the header.
     *
     * @throws InvalidValueException for a file that is too large, has too many rows, is neither xlsx nor csv,
     *                               or is damaged (keys {@code import.file.*})
     */
    public static List<String> read(String filename, InputStream upload, RowHandler dataRows) throws IOException {
        return read(filename, upload, Limits.DEFAULT, dataRows);
    }

    /**
     * The size and row limits of one import: most imports keep {@link Limits#DEFAULT}; a list sent down for
     * verification may have millions of rows.
     */
    public record Limits(long maxBytes, int maxRows) {

        public static final Limits DEFAULT = new Limits(ImportLimits.MAX_BYTES, ImportLimits.MAX_ROWS);
    }

    /** As {@link #read(String, InputStream, RowHandler)}, with other limits. */
    public static List<String> read(String filename, InputStream upload, Limits limits, RowHandler dataRows)
            throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        Path temp = spool(upload, limits.maxBytes());
        try {
            boolean zip = isZip(temp);
            if (name.endsWith(".xlsx") && zip) {
                return xlsx(temp, limits.maxRows(), dataRows);
            }
            if (name.endsWith(".csv") && !zip) {
                return csv(temp, limits.maxRows(), dataRows);
            }
            throw ImportFileException.of("import.file.format");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Copies an upload to a temporary file (the caller deletes it), refusing an empty one or one beyond
     * {@link ImportLimits#MAX_BYTES} — so a background import can read it after the request has ended.
     */
    public static Path spool(InputStream upload) throws IOException {
        return spool(upload, ImportLimits.MAX_BYTES);
    }

    private static Path spool(InputStream upload, long maxBytes) throws IOException {
        Path temp = Files.createTempFile("wushe-import", ".tmp");
        try (InputStream limited = upload) {
            long size = Files.copy(new Capped(limited, maxBytes), temp, StandardCopyOption.REPLACE_EXISTING);
            if (size == 0) {
                throw ImportFileException.of("import.file.empty");
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static List<String> xlsx(Path file, int maxRows, RowHandler dataRows) throws IOException {
        Collector collector = new Collector(dataRows, maxRows);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportFileException.of("import.file.empty");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(), null, strings, collector, new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (SAXException
                | ParserConfigurationException
                | OpenXML4JException
                | POIXMLException
                | IllegalStateException e) {
            if (e instanceof SAXException s && s.getException() instanceof InvalidValueException inner) {
                throw inner;
            }
            throw ImportFileException.of("import.file.damaged");
        } catch (InvalidValueException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InvalidValueException inner) {
                throw inner;
            }
            // POI reports a zip bomb or a bad package with an IOException or a runtime exception
            throw ImportFileException.of("import.file.damaged");
        } catch (IOException e) {
            throw ImportFileException.of("import.file.damaged");
        }
        return collector.header();
    }

    private static List<String> csv(Path file, int maxRows, RowHandler dataRows) throws IOException {
        try (Reader in = new BufferedReader(new CsvText(Files.newInputStream(file)), 65536)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            List<String> header = null;
            int rowNumber = 0;
            List<String> cells;
            while ((cells = csvRow(in)) != null) {
                rowNumber++;
                if (header == null) {
                    header = cells;
                    dataRows.header(header);
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rowNumber - 1 > maxRows) {
                    throw ImportFileException.of("import.file.tooManyRows", maxRows);
                }
                dataRows.row(rowNumber, cells);
            }
            if (header == null) {
                throw ImportFileException.of("import.file.empty");
            }
            return header;
        } catch (CharacterCodingException e) {
            throw ImportFileException.of("import.file.encoding");
        }
    }

    /**
     * The text of a csv file, read once: bytes below 0x80 are the same character in UTF-8 and GB18030 and pass as
     * they are; at the first byte that is not, the next {@value #SNIFF} bytes decide the encoding — UTF-8 (a
     * byte-order mark included) when they decode as UTF-8, otherwise GB18030, which Excel uses to save "CSV (comma
     * delimited)" on a Chinese Windows (GBK is a subset) — and the rest is decoded with it, reporting malformed
     * input. A GB18030 text is almost never valid UTF-8 by accident: its double-byte characters break UTF-8's
     * patterns. The window is re-read from the stream's buffer, so a 2 GB list is not read twice.
     */
    static final class CsvText extends Reader {

        static final int SNIFF = 65536;

        private final BufferedInputStream bytes;
        private Reader decoded; // null while every byte so far was below 0x80
        private Charset charset;

        CsvText(InputStream in) {
            bytes = new BufferedInputStream(in, SNIFF * 2);
        }

        /** The encoding chosen, or null while only ASCII has been read. */
        Charset charset() {
            return charset;
        }

        @Override
        public int read(char[] into, int off, int len) throws IOException {
            if (decoded != null) {
                return decoded.read(into, off, len);
            }
            if (len == 0) {
                return 0;
            }
            bytes.mark(SNIFF + 1);
            byte[] chunk = bytes.readNBytes(Math.min(len, SNIFF));
            int ascii = 0;
            while (ascii < chunk.length && chunk[ascii] >= 0) {
                into[off + ascii] = (char) chunk[ascii];
                ascii++;
            }
            if (ascii == chunk.length) {
                return ascii == 0 ? -1 : ascii;
            }
            bytes.reset();
            bytes.skipNBytes(ascii);
            bytes.mark(SNIFF + 1);
            byte[] window = bytes.readNBytes(SNIFF);
            bytes.reset();
            charset = isUtf8(window) ? StandardCharsets.UTF_8 : GB18030;
            decoded = new InputStreamReader(
                    bytes,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            return ascii > 0 ? ascii : decoded.read(into, off, len);
        }

        /** Valid UTF-8, a sequence cut off by the end of the window allowed. */
        private static boolean isUtf8(byte[] window) {
            var out = CharBuffer.allocate(window.length);
            return !StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(window), out, false)
                    .isError();
        }

        @Override
        public void close() throws IOException {
            bytes.close();
        }
    }

    /** One RFC 4180 record, or null at the end of input. */
    private static List<String> csvRow(Reader in) throws IOException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (c == -1) {
                cells.add(cell.toString());
                return cells;
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                return cells;
            } else if (c != '\r') {
                cell.append((char) c);
            }
            if (cell.length() > 10_000) {
                throw ImportFileException.of("import.file.damaged");
            }
            c = in.read();
        }
    }

    /** Collects the cells of each sheet row (missing cells are empty strings) and hands data rows on. */
    private static final class Collector implements SheetContentsHandler {

        private final RowHandler dataRows;
        private List<String> header;
        private final List<String> cells = new ArrayList<>();
        private final int maxRows;
        private int dataRowCount;

        Collector(RowHandler dataRows, int maxRows) {
            this.dataRows = dataRows;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                header = List.copyOf(cells);
                dataRows.header(header);
                return;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (++dataRowCount > maxRows) {
                throw ImportFileException.of("import.file.tooManyRows", maxRows);
            }
            dataRows.row(rowNum + 1, List.copyOf(cells));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int col = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            if (col > 200) {
                return;
            }
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }

        List<String> header() {
            if (header == null) {
                throw ImportFileException.of("import.file.empty");
            }
            return header;
        }
    }

    /** Refuses to read past {@link ImportLimits#MAX_BYTES}. */
    private static final class Capped extends FilterInputStream {

        private final long maxBytes;
        private long count;

        Capped(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) {
            count += n;
            if (count > maxBytes) {
                throw ImportFileException.of("import.file.tooLarge", maxBytes / (1024 * 1024));
            }
        }
    }
}
