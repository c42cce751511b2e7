package dev.gatehouse.server.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG markup, drawn on the server: no script, no image request, nothing the strict CSP has to
 * allow. One path of unit squares, with the four-module quiet zone scanners need around the code.
 */
final class QrCodeSvg {

    private static final int QUIET_ZONE = 4;
    private static final int PIXELS = 232;

    private QrCodeSvg() {
    }

    /** @param label what a screen reader says instead of the picture */
    static String render(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" role=\"img\" aria-label=\""
                + label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                + "\" width=\"" + PIXELS + "\" height=\"" + PIXELS + "\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side
                + "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }
}
