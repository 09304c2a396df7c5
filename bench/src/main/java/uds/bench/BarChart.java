package uds.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** A horizontal bar chart as plain SVG, so the page needs no charting library. */
final class BarChart {

    private static final int MIN_LABEL_WIDTH = 230;
    /** Wide enough for 13-pixel sans-serif, with room to spare. */
    private static final double PIXELS_PER_CHARACTER = 7.2;
    private static final int BAR_WIDTH = 420;
    private static final int ROW = 28;

    /** The first row is the baseline (C), grey; the others blue. */
    static String svg(String title, List<String> labels, List<Double> values, String valueFormat) {
        return svg(title, labels, values, valueFormat, row -> row == 0);
    }

    /** The rows baseline says are the ones compared against, grey; the others blue. */
    static String svg(String title, List<String> labels, List<Double> values, String valueFormat, IntPredicate baseline) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        int labelWidth = Math.max(MIN_LABEL_WIDTH, (int) Math.ceil(longest * PIXELS_PER_CHARACTER) + 12);
        int height = 40 + ROW * labels.size();
        int width = labelWidth + BAR_WIDTH + 110;
        // A viewBox and a relative width: on a phone the chart shrinks with the page instead of
        // making it scroll sideways.
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width: %dpx\""
                        + " font-family=\"sans-serif\" font-size=\"13\">%n",
                width, height, width));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"18\" font-weight=\"bold\">%s</text>%n", escape(title)));
        for (int i = 0; i < labels.size(); i++) {
            int y = 32 + ROW * i;
            double bar = BAR_WIDTH * values.get(i) / max;
            String colour = baseline.test(i) ? "#888888" : "#3b6ea8";
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y + 15, escape(labels.get(i))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>%n",
                    labelWidth, y, bar, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", labelWidth + bar + 6, y + 15,
                    escape(String.format(Locale.ROOT, valueFormat, values.get(i)))));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private BarChart() {
    }
}
