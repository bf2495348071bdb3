package org.venuegate.review;

import javafx.embed.swing.SwingFXUtils;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.stage.Window;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;

/** Prints a self-tested poster through JavaFX printing, with the system's printer and page dialogs. */
final class PosterPrinting {
    private PosterPrinting() {
    }

    static void print(Window owner, QueueViewModel vm, PosterExporter posters) {
        var d = vm.detailProperty().get();
        if (d == null || d.application().venueId() == null) {
            return;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null || !vm.explainIfNoPrinter(true) || !job.showPrintDialog(owner) || !job.showPageSetupDialog(owner)) {
            return;
        }
        try {
            PosterExporter.Prepared p = posters.prepare(d.application().venueId(), PaperSize.A4, ColourMode.COLOUR);
            PageLayout layout = job.getJobSettings().getPageLayout();
            ImageView view = new ImageView(SwingFXUtils.toFXImage(p.image(), null));
            view.setPreserveRatio(true);
            view.setFitWidth(layout.getPrintableWidth());
            view.setFitHeight(layout.getPrintableHeight());
            if (job.printPage(view)) {
                job.endJob();
            }
        } catch (ReviewHubClient.HubException | PosterExporter.PosterRefused e) {
            vm.report(e.getMessage());
            job.cancelJob();
        }
    }
}
