"""Halves the espeak-ng WAVs (22050 Hz -> 11025 Hz, mono 16-bit): speech prompts stay clear, the jar stays small."""
import audioop, sys, wave
for path in sys.argv[1:]:
    with wave.open(path, 'rb') as w:
        params, frames = w.getparams(), w.readframes(w.getnframes())
    if params.framerate == 11025:
        continue
    converted, _ = audioop.ratecv(frames, params.sampwidth, params.nchannels, params.framerate, 11025, None)
    with wave.open(path, 'wb') as w:
        w.setnchannels(params.nchannels); w.setsampwidth(params.sampwidth); w.setframerate(11025)
        w.writeframes(converted)
