package org.venuegate.kiosk.decode;

import com.google.zxing.LuminanceSource;

/**
 * ZXing's view of a luma array without copying it: {@link #getMatrix()} hands out the frame's own array when the view
 * is the whole frame. ZXing only reads it.
 */
final class LumaSource extends LuminanceSource {
    private final byte[] data;
    private final int dataWidth;
    private final int left;
    private final int top;

    LumaSource(byte[] data, int dataWidth, int dataHeight) {
        this(data, dataWidth, 0, 0, dataWidth, dataHeight);
    }

    private LumaSource(byte[] data, int dataWidth, int left, int top, int width, int height) {
        super(width, height);
        this.data = data;
        this.dataWidth = dataWidth;
        this.left = left;
        this.top = top;
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        int w = getWidth();
        if (row == null || row.length < w) {
            row = new byte[w];
        }
        System.arraycopy(data, (y + top) * dataWidth + left, row, 0, w);
        return row;
    }

    @Override
    public byte[] getMatrix() {
        int w = getWidth();
        int h = getHeight();
        if (left == 0 && top == 0 && w == dataWidth && data.length == w * h) {
            return data;
        }
        byte[] m = new byte[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(data, (y + top) * dataWidth + left, m, y * w, w);
        }
        return m;
    }

    @Override
    public boolean isCropSupported() {
        return true;
    }

    @Override
    public LuminanceSource crop(int l, int t, int w, int h) {
        return new LumaSource(data, dataWidth, left + l, top + t, w, h);
    }
}
