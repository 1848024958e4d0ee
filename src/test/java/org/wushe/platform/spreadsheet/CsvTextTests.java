package org.wushe.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The csv text: its encoding decided in the one pass that reads it, whatever precedes the first non-ASCII byte. */
class CsvTextTests {

    static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void aGb18030FileWhoseFirstHundredKilobytesAreAsciiIsReadOnceAndDecodedAsGb18030() throws IOException {
        String text = "id,phone\r\n" + "310104190001010011,13900000000\r\n".repeat(5000) + "刘䶮,社工师\r\n";
        byte[] bytes = text.getBytes(GB18030);
        assertThat(bytes.length).isGreaterThan(2 * SpreadsheetReader.CsvText.SNIFF);
        Counting counting = new Counting(new ByteArrayInputStream(bytes));
        SpreadsheetReader.CsvText csv = new SpreadsheetReader.CsvText(counting);
        assertThat(readAll(csv)).isEqualTo(text);
        assertThat(csv.charset()).isEqualTo(GB18030);
        assertThat(counting.read).as("every byte read once").isEqualTo(bytes.length);
    }

    @Test
    void utf8WithOrWithoutAByteOrderMarkIsUtf8EvenWhereTheWindowCutsACharacter() throws IOException {
        // 3 bytes a character: the 65,536-byte window ends inside one
        String chinese = "姓名\r\n" + "中".repeat(30_000) + "\r\n";
        for (String text : new String[] {chinese, "\uFEFF" + chinese, "a,b\r\n" + chinese}) {
            SpreadsheetReader.CsvText csv =
                    new SpreadsheetReader.CsvText(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(readAll(csv)).isEqualTo(text);
            assertThat(csv.charset()).isEqualTo(StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAsciiFileIsPassedAsItIsAndAFileThatBreaksUtf8LaterIsAnEncodingError() throws IOException {
        SpreadsheetReader.CsvText ascii = new SpreadsheetReader.CsvText(
                new ByteArrayInputStream("a,b\r\n1,2\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(readAll(ascii)).isEqualTo("a,b\r\n1,2\r\n");
        assertThat(ascii.charset()).isNull();

        byte[] utf8 = ("姓名\r\n" + "王".repeat(40_000) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(utf8, utf8.length + 2);
        broken[broken.length - 2] = (byte) 0xC0; // never valid in UTF-8
        broken[broken.length - 1] = (byte) 0x80;
        assertThatThrownBy(() -> readAll(new SpreadsheetReader.CsvText(new ByteArrayInputStream(broken))))
                .isInstanceOf(CharacterCodingException.class);
    }

    private static String readAll(Reader in) throws IOException {
        try (in) {
            StringWriter out = new StringWriter();
            char[] buffer = new char[65536];
            for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toString();
        }
    }

    /** Counts the bytes taken from the stream underneath. */
    static final class Counting extends FilterInputStream {

        long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
