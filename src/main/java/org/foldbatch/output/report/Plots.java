package org.foldbatch.output.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.foldbatch.output.report.FoldResults.ChainSpan;
import org.foldbatch.output.report.FoldResults.ResiduePlddt;

/**
 * The fold page's figures as inline SVG, written here rather than by a charting library so the page needs no
 * script to draw them and the same results give the same bytes.
 */
final class Plots {

    /** AlphaFold's pLDDT bands (AlphaFold DB colours): very high, confident, low, very low. */
    static final double[] BAND_FLOORS = {90, 70, 50, 0};
    static final String[] BAND_COLOURS = {"#0053d6", "#65cbf3", "#ffdb13", "#ff7d45"};
    static final String[] BAND_NAMES = {"very high (> 90)", "confident (70-90)", "low (50-70)", "very low (< 50)"};

    /** PAE at or above this (Å) is drawn white; 0 Å dark green, as in AlphaFold DB's PAE plots. */
    static final float PAE_MAX = 30f;

    private Plots() {
    }

    static String plddtColour(double plddt) {
        for (int b = 0; b < BAND_FLOORS.length; b++) {
            if (plddt > BAND_FLOORS[b] || b == BAND_FLOORS.length - 1) {
                return BAND_COLOURS[b];
            }
        }
        throw new AssertionError();
    }

    /**
     * The PAE matrix as one PNG pixel per token pair (row = aligned token, column = scored token), scaled up in the
     * SVG without smoothing, with chain boundaries and the chain ids on both axes. A bitmap, not one SVG element per
     * cell, because a 5,000-token fold has 25 million cells.
     */
    static String paeHeatmap(float[][] pae, List<String> tokenChainIds) {
        int n = pae.length;
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                image.setRGB(j, i, paeRgb(pae[i][j]));
            }
        }
        double unit = n / 400.0; // SVG user units per displayed pixel at the page's 400 px width
        double margin = 36 * unit;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"pae-heatmap\" data-tokens=\"").append(n).append("\" viewBox=\"")
                .append(num(-margin)).append(' ').append(num(-4 * unit)).append(' ').append(num(n + margin + 4 * unit))
                .append(' ').append(num(n + margin + 4 * unit))
                .append("\" width=\"440\" height=\"440\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<image class=\"pae-cells\" x=\"0\" y=\"0\" width=\"").append(n).append("\" height=\"").append(n)
                .append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,")
                .append(png(image)).append("\"/>");
        double font = 11 * unit;
        for (ChainSpan span : FoldResults.spans(tokenChainIds)) {
            if (span.start() > 0) {
                svg.append("<line class=\"chain-boundary\" x1=\"").append(span.start()).append("\" y1=\"0\" x2=\"")
                        .append(span.start()).append("\" y2=\"").append(n).append("\" stroke=\"#000\" stroke-width=\"")
                        .append(num(unit)).append("\"/>");
                svg.append("<line class=\"chain-boundary\" x1=\"0\" y1=\"").append(span.start()).append("\" x2=\"")
                        .append(n).append("\" y2=\"").append(span.start()).append("\" stroke=\"#000\" stroke-width=\"")
                        .append(num(unit)).append("\"/>");
            }
            double mid = (span.start() + span.end()) / 2.0;
            String id = Html.escape(span.id());
            svg.append("<text class=\"axis-chain\" x=\"").append(num(mid)).append("\" y=\"").append(num(n + 14 * unit))
                    .append("\" font-size=\"").append(num(font)).append("\" text-anchor=\"middle\">").append(id)
                    .append("</text>");
            svg.append("<text class=\"axis-chain\" x=\"").append(num(-6 * unit)).append("\" y=\"")
                    .append(num(mid + font / 3)).append("\" font-size=\"").append(num(font))
                    .append("\" text-anchor=\"end\">").append(id).append("</text>");
        }
        svg.append("<text x=\"").append(num(n / 2.0)).append("\" y=\"").append(num(n + 28 * unit))
                .append("\" font-size=\"").append(num(font)).append("\" text-anchor=\"middle\">Scored token</text>");
        return svg.append("</svg>").toString();
    }

    /** The colour scale under the heatmap. */
    static String paeLegend() {
        StringBuilder svg = new StringBuilder("<svg class=\"pae-legend\" width=\"440\" height=\"34\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><defs><linearGradient id=\"pae-scale\">");
        svg.append("<stop offset=\"0\" stop-color=\"").append(hex(paeRgb(0))).append("\"/>");
        svg.append("<stop offset=\"1\" stop-color=\"").append(hex(paeRgb(PAE_MAX))).append("\"/>");
        svg.append("</linearGradient></defs><rect x=\"40\" y=\"2\" width=\"360\" height=\"12\" fill=\"url(#pae-scale)\" "
                + "stroke=\"#999\"/><text x=\"40\" y=\"28\" font-size=\"11\">0 \u00c5</text><text x=\"400\" y=\"28\" "
                + "font-size=\"11\" text-anchor=\"end\">\u2265 30 \u00c5 expected position error</text></svg>");
        return svg.toString();
    }

    /**
     * Per-residue pLDDT over the four confidence bands: one polyline per polymer chain, chains side by side along
     * the x axis in model order; ligand and ion residues are left out (they have no backbone to trace).
     */
    static String plddtPlot(List<ResiduePlddt> residues) {
        Map<String, List<Double>> chains = new LinkedHashMap<>();
        for (ResiduePlddt r : residues) {
            if (r.polymer()) {
                chains.computeIfAbsent(r.chainId(), c -> new ArrayList<>()).add(r.plddt());
            }
        }
        int total = chains.values().stream().mapToInt(List::size).sum();
        double left = 40;
        double width = 760;
        double top = 10;
        double height = 200;
        double dx = total > 1 ? width / (total - 1) : width;
        StringBuilder svg = new StringBuilder("<svg class=\"plddt-plot\" viewBox=\"0 0 820 250\" width=\"820\" "
                + "height=\"250\" xmlns=\"http://www.w3.org/2000/svg\">");
        double upper = 100;
        for (int b = 0; b < BAND_FLOORS.length; b++) {
            double y0 = top + height * (1 - upper / 100);
            double y1 = top + height * (1 - BAND_FLOORS[b] / 100);
            svg.append("<rect class=\"plddt-band\" x=\"").append(num(left)).append("\" y=\"").append(num(y0))
                    .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(y1 - y0))
                    .append("\" fill=\"").append(BAND_COLOURS[b]).append("\" fill-opacity=\"0.25\"><title>")
                    .append(BAND_NAMES[b]).append("</title></rect>");
            upper = BAND_FLOORS[b];
        }
        for (int tick : new int[] {0, 50, 70, 90, 100}) {
            double y = top + height * (1 - tick / 100.0);
            svg.append("<text x=\"").append(num(left - 4)).append("\" y=\"").append(num(y + 4))
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(tick).append("</text>");
        }
        String[] palette = {"#1b1b1b", "#7a1fa2", "#c2185b", "#2e7d32", "#e65100", "#1565c0", "#6d4c41", "#00838f"};
        int offset = 0;
        int c = 0;
        for (Map.Entry<String, List<Double>> chain : chains.entrySet()) {
            List<Double> values = chain.getValue();
            String colour = palette[c++ % palette.length];
            if (offset > 0) {
                double x = left + dx * (offset - 0.5);
                svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(top)).append("\" x2=\"")
                        .append(num(x)).append("\" y2=\"").append(num(top + height))
                        .append("\" stroke=\"#666\" stroke-dasharray=\"4 3\"/>");
            }
            svg.append("<polyline class=\"plddt-trace\" data-chain=\"").append(Html.escape(chain.getKey()))
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"");
            for (int i = 0; i < values.size(); i++) {
                double x = left + dx * (offset + i);
                double y = top + height * (1 - values.get(i) / 100);
                svg.append(i == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
            }
            svg.append("\"><title>chain ").append(Html.escape(chain.getKey())).append("</title></polyline>");
            double mid = left + dx * (offset + (values.size() - 1) / 2.0);
            svg.append("<text x=\"").append(num(mid)).append("\" y=\"").append(num(top + height + 16))
                    .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"").append(colour).append("\">chain ")
                    .append(Html.escape(chain.getKey())).append("</text>");
            offset += values.size();
        }
        svg.append("<text x=\"").append(num(left + width / 2)).append("\" y=\"").append(num(top + height + 34))
                .append("\" font-size=\"11\" text-anchor=\"middle\">Residue</text>");
        return svg.append("</svg>").toString();
    }

    /** Sequences with a residue at each query position, as a filled profile with the depth as the y range. */
    static String coveragePlot(int[] coverage, int depth) {
        double left = 40;
        double width = 560;
        double top = 8;
        double height = 90;
        int max = Math.max(1, depth);
        double dx = coverage.length > 1 ? width / (coverage.length - 1) : width;
        StringBuilder svg = new StringBuilder("<svg class=\"coverage-plot\" viewBox=\"0 0 620 120\" width=\"620\" "
                + "height=\"120\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(top)).append("\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append("\" fill=\"#f4f4f4\"/>");
        svg.append("<polygon class=\"coverage\" fill=\"#5c6bc0\" fill-opacity=\"0.7\" points=\"").append(num(left))
                .append(',').append(num(top + height));
        for (int i = 0; i < coverage.length; i++) {
            svg.append(' ').append(num(left + dx * i)).append(',')
                    .append(num(top + height * (1 - coverage[i] / (double) max)));
        }
        svg.append(' ').append(num(left + dx * Math.max(0, coverage.length - 1))).append(',')
                .append(num(top + height)).append("\"/>");
        svg.append("<text x=\"").append(num(left - 4)).append("\" y=\"").append(num(top + 10))
                .append("\" font-size=\"11\" text-anchor=\"end\">").append(max).append("</text>");
        svg.append("<text x=\"").append(num(left - 4)).append("\" y=\"").append(num(top + height))
                .append("\" font-size=\"11\" text-anchor=\"end\">0</text>");
        svg.append("<text x=\"").append(num(left + width / 2)).append("\" y=\"").append(num(top + height + 18))
                .append("\" font-size=\"11\" text-anchor=\"middle\">Query position (1-").append(coverage.length)
                .append(")</text>");
        return svg.append("</svg>").toString();
    }

    private static int paeRgb(float pae) {
        float t = Float.isNaN(pae) ? 1f : Math.min(Math.max(pae / PAE_MAX, 0f), 1f);
        int r = Math.round(0 + t * 255);
        int g = Math.round(90 + t * 165);
        int b = Math.round(30 + t * 225);
        return (r << 16) | (g << 8) | b;
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }

    private static String png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String num(double value) {
        return Html.fixed(value, 2);
    }
}
