package org.foldbatch.output.report;

import java.nio.file.Path;

import org.foldbatch.output.AtomicFiles;
import org.foldbatch.output.report.FoldResults.ChainInfo;
import org.foldbatch.output.report.FoldResults.Sample;
import org.foldbatch.output.report.FoldResults.TemplateInfo;

/**
 * {@code <name>_report.html}: one self-contained page (styles, figures, models and the 3Dmol.js viewer inline) that
 * opens from the file system with no server and no network request. Figures are server-side SVG; the only script is
 * the viewer and the sample selector.
 */
public final class FoldPage {

    public static final String SUFFIX = "_report.html";

    private FoldPage() {
    }

    /** Where the page of the fold in {@code jobDir} goes. */
    public static Path path(Path jobDir) {
        return jobDir.resolve(jobDir.toAbsolutePath().normalize().getFileName() + SUFFIX);
    }

    /** Reads the finished fold in {@code jobDir} and writes its page atomically; returns the page's path. */
    public static Path write(Path jobDir) {
        Path page = path(jobDir);
        AtomicFiles.write(page, render(FoldResults.read(jobDir)));
        return page;
    }

    public static String render(FoldResults fold) {
        StringBuilder html = new StringBuilder(1 << 20);
        String title = Html.escape(fold.name());
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<link rel=\"icon\" href=\"data:,\"><title>").append(title)
                .append(" - Foldbatch fold report</title><style>").append(Html.resource("page.css"))
                .append("</style></head><body>\n");
        html.append("<h1>").append(title).append("</h1>\n");
        Sample best = fold.samples().get(0);
        html.append("<p>").append(fold.samples().size()).append(" samples; best: seed ").append(best.seed())
                .append(" sample ").append(best.sample()).append(", ranking score ")
                .append(Html.fixed(best.rankingScore(), 2)).append(". Show sample <select id=\"sample-select\">");
        for (Sample s : fold.samples()) {
            html.append("<option value=\"").append(s.key()).append("\">seed ").append(s.seed()).append(" sample ")
                    .append(s.sample()).append(" (").append(Html.fixed(s.rankingScore(), 2)).append(")</option>");
        }
        html.append("</select></p>\n");
        summary(html, fold);
        html.append("<div class=\"row\"><section id=\"structure\"><h2>Structure, coloured by pLDDT</h2>"
                + "<div id=\"viewer\"></div>").append(bandLegend()).append("</section>\n");
        html.append("<section id=\"pae\"><h2>Predicted aligned error</h2>");
        for (Sample s : fold.samples()) {
            html.append("<div class=\"per-sample\" data-sample=\"").append(s.key()).append("\">")
                    .append(Plots.paeHeatmap(s.pae(), s.tokenChainIds())).append("</div>");
        }
        html.append(Plots.paeLegend()).append("</section></div>\n");
        html.append("<section id=\"plddt\"><h2>Per-residue pLDDT</h2>");
        for (Sample s : fold.samples()) {
            html.append("<div class=\"per-sample\" data-sample=\"").append(s.key()).append("\">")
                    .append(Plots.plddtPlot(s.residuePlddt())).append("</div>");
        }
        html.append(bandLegend()).append("</section>\n");
        chains(html, fold);
        html.append("<script>").append(Html.resource("3Dmol-min.js").replace("</script", "<\\/script"))
                .append("</script>\n<script>\nconst MODELS = {");
        for (int i = 0; i < fold.samples().size(); i++) {
            Sample s = fold.samples().get(i);
            html.append(i == 0 ? "\n" : ",\n").append(Html.jsString(s.key())).append(": ")
                    .append(Html.jsString(s.modelCif()));
        }
        html.append("};\n").append(Html.resource("fold-page.js")).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, FoldResults fold) {
        html.append("<section id=\"summary\"><h2>Samples, best first</h2><table class=\"samples\"><thead><tr>"
                + "<th>rank</th><th>seed</th><th>sample</th><th>ranking score</th><th>pTM</th><th>ipTM</th>"
                + "<th>has clash</th><th>fraction disordered</th></tr></thead><tbody>");
        int rank = 1;
        for (Sample s : fold.samples()) {
            html.append("<tr data-sample=\"").append(s.key()).append("\"><td>").append(rank++).append("</td><td>")
                    .append(s.seed()).append("</td><td>").append(s.sample()).append("</td><td>")
                    .append(Html.fixed(s.rankingScore(), 2)).append("</td><td>").append(Html.fixed(s.ptm(), 2))
                    .append("</td><td>").append(s.iptm() == null ? "-" : Html.fixed(s.iptm(), 2)).append("</td><td>")
                    .append(s.hasClash() ? "yes" : "no").append("</td><td>")
                    .append(Html.fixed(s.fractionDisordered(), 2)).append("</td></tr>");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void chains(StringBuilder html, FoldResults fold) {
        html.append("<section id=\"chains\"><h2>Chains: MSA and templates</h2>");
        for (ChainInfo c : fold.chains()) {
            html.append("<div class=\"chain\" data-chain=\"").append(Html.escape(c.id())).append("\"><h3>Chain ")
                    .append(Html.escape(c.id())).append(" (").append(c.kind()).append(", ").append(c.length())
                    .append(c.kind().equals("ligand") ? " component" : " residue").append(c.length() == 1 ? "" : "s")
                    .append(")</h3>");
            if (c.coverage().length == 0) {
                html.append("<p>No MSA or templates for this kind of chain.</p></div>");
                continue;
            }
            html.append("<p>MSA depth: <span class=\"msa-depth\">").append(c.unpairedDepth())
                    .append("</span> unpaired sequences").append(c.kind().equals("protein")
                            ? ", " + c.pairedDepth() + " paired" : "").append(" (query included).</p>")
                    .append(Plots.coveragePlot(c.coverage(), c.unpairedDepth()));
            if (c.kind().equals("protein")) {
                if (c.templates().isEmpty()) {
                    html.append("<p>Templates: none.</p>");
                } else {
                    html.append("<table class=\"templates\"><thead><tr><th>template</th><th>aligned residues</th>"
                            + "<th>query residues</th></tr></thead><tbody>");
                    for (TemplateInfo t : c.templates()) {
                        html.append("<tr><td>").append(Html.escape(t.entry())).append("</td><td>")
                                .append(t.alignedResidues()).append("</td><td>").append(t.firstQueryResidue())
                                .append('-').append(t.lastQueryResidue()).append("</td></tr>");
                    }
                    html.append("</tbody></table>");
                }
            }
            html.append("</div>");
        }
        html.append("</section>\n");
    }

    private static String bandLegend() {
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (int b = 0; b < Plots.BAND_COLOURS.length; b++) {
            legend.append("<span><i style=\"background:").append(Plots.BAND_COLOURS[b]).append("\"></i>")
                    .append(Plots.BAND_NAMES[b]).append("</span>");
        }
        return legend.append("</p>").toString();
    }
}
