#!/usr/bin/env python3
"""Reads an XDF file with nothing but the XDF 1.0 specification and numpy, independently of naoyu's Java reader,
and prints a JSON summary: per stream its header fields, channel labels, sample count, first and last timestamp,
and for string streams the first markers. Used by the simulator's tests as a pyxdf-style second opinion, and as
the loader of plot_simulation.py.

Usage: xdf_summary.py FILE.xdf [--markers N]
"""
import json
import struct
import sys
import xml.etree.ElementTree as ET

import numpy as np

FORMATS = {"float32": "<f4", "double64": "<f8", "int8": "<i1", "int16": "<i2", "int32": "<i4", "int64": "<i8"}


def varlen(data, pos):
    width = data[pos]
    if width not in (1, 4, 8):
        raise ValueError(f"bad length width {width} at byte {pos}")
    value = int.from_bytes(data[pos + 1:pos + 1 + width], "little")
    return value, pos + 1 + width


def load(path):
    """Returns (file header XML, {stream id: stream dict}) with samples as numpy arrays or lists of strings."""
    data = open(path, "rb").read()
    if data[:4] != b"XDF:":
        raise ValueError(f"{path}: not an XDF file (magic {data[:4]!r})")
    pos = 4
    header = None
    streams = {}
    while pos < len(data):
        length, pos = varlen(data, pos)
        end = pos + length
        if end > len(data):
            break  # a truncated last chunk, as after a crash
        tag = struct.unpack_from("<H", data, pos)[0]
        body = pos + 2
        if tag == 1:
            header = data[body:end].decode("utf-8")
        elif tag in (2, 3, 4, 6):
            sid = struct.unpack_from("<I", data, body)[0]
            content = body + 4
            if tag == 2:
                info = ET.fromstring(data[content:end].decode("utf-8"))
                streams[sid] = {"info": info, "times": [], "values": [], "offsets": [], "footer": None}
            elif tag == 3:
                read_samples(streams[sid], data, content)
            elif tag == 4:
                streams[sid]["offsets"].append(struct.unpack_from("<dd", data, content))
            else:
                streams[sid]["footer"] = ET.fromstring(data[content:end].decode("utf-8"))
        pos = end
    return header, streams


def read_samples(stream, data, pos):
    info = stream["info"]
    fmt = info.findtext("channel_format")
    channels = int(info.findtext("channel_count"))
    rate = float(info.findtext("nominal_srate"))
    count, pos = varlen(data, pos)
    last = stream["times"][-1] if stream["times"] else None
    for _ in range(count):
        has_time = data[pos]
        pos += 1
        if has_time == 8:
            t = struct.unpack_from("<d", data, pos)[0]
            pos += 8
        elif last is not None and rate > 0:
            t = last + 1.0 / rate  # a deduced timestamp: the previous one plus the sampling interval
        else:
            raise ValueError(f"sample without timestamp at byte {pos - 1} in a stream that cannot deduce one "
                             f"(rate {rate}, previous {last})")
        last = t
        stream["times"].append(t)
        if fmt == "string":
            values = []
            for _ in range(channels):
                n, pos = varlen(data, pos)
                values.append(data[pos:pos + n].decode("utf-8"))
                pos += n
            stream["values"].append(values)
        else:
            dtype = np.dtype(FORMATS[fmt])
            stream["values"].append(np.frombuffer(data, dtype, channels, pos))
            pos += dtype.itemsize * channels


def main():
    path = sys.argv[1]
    shown = int(sys.argv[sys.argv.index("--markers") + 1]) if "--markers" in sys.argv else 5
    header, streams = load(path)
    summary = {"header": {child.tag: child.text for child in ET.fromstring(header)}, "streams": []}
    for sid, s in sorted(streams.items()):
        info = s["info"]
        entry = {
            "id": sid,
            "name": info.findtext("name"),
            "type": info.findtext("type"),
            "channel_count": int(info.findtext("channel_count")),
            "nominal_srate": float(info.findtext("nominal_srate")),
            "channel_format": info.findtext("channel_format"),
            "labels": [c.findtext("label") for c in info.iter("channel")],
            "samples": len(s["times"]),
            "first_timestamp": s["times"][0] if s["times"] else None,
            "last_timestamp": s["times"][-1] if s["times"] else None,
            "clock_offsets": len(s["offsets"]),
            "footer_sample_count": int(s["footer"].findtext("sample_count")) if s["footer"] is not None else None,
        }
        if entry["channel_format"] == "string":
            entry["markers"] = [[t, v[0]] for t, v in zip(s["times"][:shown], s["values"][:shown])]
        else:
            values = np.array(s["values"])
            entry["rms_first_channel"] = float(np.std(values[:, 0])) if len(values) else None
        summary["streams"].append(entry)
    json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
