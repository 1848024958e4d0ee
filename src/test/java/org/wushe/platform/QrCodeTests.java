package org.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeTests {

    @Test
    void theSvgDecodesBackToTheText() throws Exception {
        String text = "otpauth://totp/Wushe:civil?secret=JBSWY3DPEHPK3PXP&issuer=Wushe&label=民政局";
        String svg = QrCode.svg(text, "二维码 <扫码> \"x\"");

        assertThat(svg)
                .startsWith("<svg")
                .contains("aria-label=\"二维码 &lt;扫码&gt; &quot;x&quot;\"")
                .contains("role=\"img\"");
        assertThat(decode(svg)).isEqualTo(text);
    }

    /** Paints the SVG's unit squares into pixels (4 px each) and reads them with ZXing's decoder. */
    private static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int side = modules * scale;
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * side + x * scale + dx] = 0xFF000000;
                }
            }
        }
        LuminanceSource source = new RGBLuminanceSource(side, side, pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }
}
