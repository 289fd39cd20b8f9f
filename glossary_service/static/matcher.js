// The glossary's browser matcher: Index.annotate of
// glossary_service/engine/index.py, run in the page so that no page text
// leaves the browser. It interprets the data of one locale exported by
// glossary_service/engine/export.py (GET /widget/matcher/<lang>.json): names,
// policies, blocking phrases, cue words, patterns, affixes, boundary rules and
// Python's character classes all come from there. This file holds the
// algorithm only, no rule of any language; a conformance test holds its spans
// equal to the Python engine's on the whole evaluation corpus.
//
// GlossaryMatcher.create(data).annotate(text, {medical}) -> [{start, end, id}]
// with start/end in UTF-16 code units of text (what DOM ranges use).
// Python counts code points: every window the engine reads in characters
// ("4 characters before", "80 characters after") is counted in code points
// here too, so astral characters (emoji) never shift a decision.
// Classic script (window.GlossaryMatcher); /widget/matcher.mjs is the same
// file as an ES module.
var GlossaryMatcher = (function () {
  "use strict";

  var FORMAT = 2;
  var ALWAYS = 0;
  var CONTEXT = 1;
  var PATTERN = 2;
  // Caches of folded and stemmed words, as in the engine: bounded, and only
  // for word-sized tokens.
  var CACHE_WORDS = 16384;

  // -- data decoding -------------------------------------------------------

  function decodeRanges(encoded) {
    var out = [];
    var at = 0;
    encoded.split(",").forEach(function (part) {
      if (!part) return;
      var plus = part.indexOf("+");
      var start = at + parseInt(plus < 0 ? part : part.slice(0, plus), 16);
      var end = plus < 0 ? start : start + parseInt(part.slice(plus + 1), 16);
      out.push(start, end);
      at = end;
    });
    return out;
  }

  function hex(cp) {
    return "\\u{" + cp.toString(16) + "}";
  }

  function classBody(encoded) {
    var r = decodeRanges(encoded);
    var parts = [];
    for (var i = 0; i < r.length; i += 2) {
      parts.push(r[i] === r[i + 1] ? hex(r[i]) : hex(r[i]) + "-" + hex(r[i + 1]));
    }
    return parts.join("");
  }

  function decodeCasefold(table) {
    var map = new Map();
    table.split(";").forEach(function (run) {
      var f = run.split(",");
      var first = parseInt(f[0], 16);
      if (f[1].charAt(0) === "=") {
        map.set(first, run.slice(run.indexOf("=") + 1));
        return;
      }
      var count = parseInt(f[1], 16);
      var step = parseInt(f[2], 16);
      var delta = f[3].charAt(0) === "-" ? -parseInt(f[3].slice(1), 16) : parseInt(f[3], 16);
      for (var k = 0; k < count; k++) {
        var cp = first + k * step;
        map.set(cp, String.fromCodePoint(cp + delta));
      }
    });
    return map;
  }

  // -- code points -----------------------------------------------------------

  function isHigh(c) {
    return c >= 0xd800 && c <= 0xdbff;
  }
  function isLow(c) {
    return c >= 0xdc00 && c <= 0xdfff;
  }
  // The position n code points before / after pos.
  function back(t, pos, n) {
    while (n-- > 0 && pos > 0) {
      pos--;
      if (pos > 0 && isLow(t.charCodeAt(pos)) && isHigh(t.charCodeAt(pos - 1))) pos--;
    }
    return pos;
  }
  function fwd(t, pos, n) {
    var len = t.length;
    while (n-- > 0 && pos < len) {
      var c = t.charCodeAt(pos++);
      if (isHigh(c) && pos < len && isLow(t.charCodeAt(pos))) pos++;
    }
    return pos;
  }
  var PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;
  function cpLen(s) {
    if (s.length < 2) return s.length;
    var pairs = s.match(PAIR);
    return pairs ? s.length - pairs.length : s.length;
  }
  var ASCII = /^[\x00-\x7f]*$/;

  // -- one locale ------------------------------------------------------------

  function create(data) {
    if (!data || data.format !== FORMAT) {
      throw new Error("GlossaryMatcher: data format " + (data && data.format) + ", expected " + FORMAT);
    }
    var bodies = data.classes.map(classBody);
    function compile(source, flags) {
      if (source === null || source === undefined) return null;
      return new RegExp(
        source.replace(/\x00(\d+);/g, function (_, n) {
          return bodies[+n];
        }),
        "u" + (flags || "")
      );
    }

    var tokenRe = compile(data.token, "g");
    var wordRe = compile(data.word, "g");
    var combiningRe = compile(data.combining, "g");
    var sentenceRe = compile(data.sentenceEnd, "g");
    var openBracket = compile(data.openBracket);
    var closeBracket = compile(data.closeBracket);
    var letterHyphen = compile(data.letterHyphen);
    var hyphenLetter = compile(data.hyphenLetter);
    var ownBefore = data.ownNameReach[0];
    var ownAfter = data.ownNameReach[1];
    var hyphenReach = data.hyphenReach;
    var patternReach = data.patternReach;
    var medicalTextSigns = data.medicalTextSigns;
    var joiners = new Set(Array.from(data.spanJoiners));
    var particles = data.particlesOutsideSpan;
    var marksMatter = data.marksMatter;
    var markVariants = data.markVariants;
    var hyphenCompounds = data.hyphenCompounds;
    var terms = data.terms;
    var patterns = data.patterns.map(function (p) {
      return [compile(p[0]), compile(p[1])];
    });

    var casefoldMap = decodeCasefold(data.casefold);
    var extraFolds = data.extraFolds;
    var extraRe = new RegExp(
      "[" +
        Object.keys(extraFolds)
          .map(function (c) {
            return hex(c.codePointAt(0));
          })
          .join("") +
        "]",
      "gu"
    );

    // -- folding (text.py) --------------------------------------------------

    function casefold(s) {
      var out = "";
      for (var i = 0; i < s.length; i++) {
        var c = s.charCodeAt(i);
        if (c < 0x80) {
          out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s.charAt(i);
          continue;
        }
        var cp = s.codePointAt(i);
        var folded = casefoldMap.get(cp);
        out += folded !== undefined ? folded : String.fromCodePoint(cp);
        if (cp > 0xffff) i++;
      }
      return out;
    }

    function fold(t) {
      if (ASCII.test(t)) return t.toLowerCase();
      t = casefold(t).normalize("NFKD");
      t = t.replace(extraRe, function (c) {
        return extraFolds[c];
      });
      t = t.replace(combiningRe, "");
      return casefold(t).normalize("NFKC");
    }

    function foldCase(t) {
      return casefold(t.normalize("NFKC"));
    }

    var foldCache = new Map();
    function foldToken(w) {
      var key = foldCache.get(w);
      if (key === undefined) {
        key = fold(w).replace(/ /g, "");
        if (foldCache.size >= CACHE_WORDS) foldCache.clear();
        if (w.length <= 64) foldCache.set(w, key);
      }
      return key;
    }

    // -- stems (affixes.py) ---------------------------------------------------

    var stem = null;
    if (data.stem) {
      var st = data.stem;
      var prefixes = st.prefixes.map(function (p) {
        return [p, cpLen(p)];
      });
      var suffixes = st.suffixes.map(function (s) {
        return [s, cpLen(s)];
      });
      var keep = st.min;
      var stack = st.stack;
      var maxLength = st.max;
      var stemCache = new Map();
      var stemWord = function (word) {
        var len = cpLen(word);
        for (var i = 0; i < prefixes.length; i++) {
          var p = prefixes[i];
          if (word.startsWith(p[0]) && len - p[1] >= keep) {
            word = word.slice(p[0].length);
            len -= p[1];
            break;
          }
        }
        var stripped = true;
        while (stripped) {
          stripped = false;
          for (var k = 0; k < suffixes.length; k++) {
            var s = suffixes[k];
            if (s[1] > 0 && word.endsWith(s[0]) && len - s[1] >= keep) {
              word = word.slice(0, word.length - s[0].length);
              len -= s[1];
              stripped = stack;
              break;
            }
          }
        }
        return word;
      };
      stem = function (word) {
        if (cpLen(word) > maxLength) return word;
        var got = stemCache.get(word);
        if (got === undefined) {
          got = stemWord(word);
          if (stemCache.size >= CACHE_WORDS) stemCache.clear();
          stemCache.set(word, got);
        }
        return got;
      };
    }

    // -- names, in the index's order --------------------------------------------

    var names = data.names.map(function (r, i) {
      return {
        weight: data.weightValues[data.weights.charCodeAt(i) - 97],
        toks: r[0].split(" "),
        term: r[1] >= 0 ? terms[r[1]] : null,
        policy: r[2],
        joiners: r[3] || "",
        letters: r[4] || "",
        length: r[5] || 0,
        marks: r[6] || null,
        last: r[7] || "",
        patterns: (r[8] || []).map(function (i) {
          return patterns[i];
        }),
      };
    });

    // Index._phrase_table: grouped by first token, each group longest first,
    // blocking phrases before names, then by weight (a stable sort).
    function byPhraseOrder(a, b) {
      return (
        b[0].length - a[0].length ||
        (a[1].term === null ? 0 : 1) - (b[1].term === null ? 0 : 1) ||
        b[1].weight - a[1].weight
      );
    }
    function table(entries, sorted) {
      var map = new Map();
      entries.forEach(function (e) {
        var group = map.get(e[0][0]);
        if (!group) map.set(e[0][0], (group = []));
        group.push(e);
      });
      if (sorted)
        map.forEach(function (group) {
          group.sort(byPhraseOrder);
        });
      return map;
    }
    var phrases = table(
      names.map(function (n) {
        return [n.toks, n];
      }),
      true
    );
    var stemPhrases = stem
      ? table(
          names.map(function (n) {
            return [n.toks.map(stem), n];
          }),
          true
        )
      : null;
    var cueToks = data.cues.map(function (c) {
      return c.split(" ");
    });
    var cues = table(
      cueToks.map(function (t) {
        return [t, null];
      })
    );
    var stemCues = stem
      ? table(
          data.stemCueOrder.map(function (i) {
            return [cueToks[i].map(stem), null];
          })
        )
      : new Map();

    // -- annotate (index.py) ------------------------------------------------------

    function words(text) {
      var starts = [];
      var ends = [];
      var keys = [];
      tokenRe.lastIndex = 0;
      var m;
      while ((m = tokenRe.exec(text)) !== null) {
        starts.push(m.index);
        ends.push(tokenRe.lastIndex);
        keys.push(foldToken(m[0]));
      }
      return { starts: starts, ends: ends, keys: keys, stems: stem ? keys.map(stem) : null };
    }

    function alnum(s) {
      var found = s.match(wordRe);
      return found ? found.join("") : "";
    }

    function canonicalMarks(word) {
      word = foldCase(word);
      for (var i = 0; i < markVariants.length; i++) {
        if (word.indexOf(markVariants[i][0]) >= 0) {
          word = word.split(markVariants[i][0]).join(markVariants[i][1]);
        }
      }
      return word;
    }

    function marksAgree(found, surfaceMarks) {
      var ws = (found.match(wordRe) || []).map(canonicalMarks);
      if (
        ws.every(function (w) {
          return fold(w) === w;
        })
      ) {
        return true;
      }
      if (ws.length !== surfaceMarks.length) return false;
      for (var i = 0; i < ws.length; i++) if (ws[i] !== surfaceMarks[i]) return false;
      return true;
    }

    function joined(text, w, i, end, own) {
      for (var k = i; k < end - 1; k++) {
        var gap = text.slice(w.ends[k], w.starts[k + 1]);
        for (var c of gap) {
          if (!joiners.has(c) && own.indexOf(c) < 0) return false;
        }
      }
      return true;
    }

    function matchAt(text, w, keys, i, group, inflected) {
      var n = keys.length;
      for (var g = 0; g < group.length; g++) {
        var phrase = group[g][0];
        var name = group[g][1];
        var size = phrase.length;
        var end = i + size;
        if (end > n) continue;
        if (size > 1) {
          if (keys[end - 1] !== phrase[size - 1]) continue;
          var same = true;
          for (var k = 1; k < size - 1; k++) {
            if (keys[i + k] !== phrase[k]) {
              same = false;
              break;
            }
          }
          if (!same) continue;
        }
        var start = w.starts[i];
        var stop = w.ends[end - 1];
        var marks = marksMatter && !inflected;
        if (name.letters || marks) {
          var found = text.slice(start, stop);
          if (name.letters) {
            var written = inflected ? found.slice(0, fwd(found, 0, name.length)) : found;
            if (!ASCII.test(written)) written = written.normalize("NFKC");
            if (alnum(written) !== name.letters) continue;
          }
          if (marks && !marksAgree(found, name.marks)) continue;
        }
        if (size > 1 && !joined(text, w, i, end, name.joiners)) continue;
        if (
          hyphenCompounds &&
          (letterHyphen.test(text.slice(back(text, start, hyphenReach), start)) ||
            hyphenLetter.test(text.slice(stop, fwd(text, stop, hyphenReach))))
        ) {
          continue;
        }
        return [end, name];
      }
      return null;
    }

    function candidates(text, w) {
      var keys = w.keys;
      var stems = w.stems;
      var found = [];
      var n = keys.length;
      var i = 0;
      while (i < n) {
        var group = phrases.get(keys[i]);
        var hit = group ? matchAt(text, w, keys, i, group, false) : null;
        var byStem = false;
        if (stems !== null) {
          var sgroup = stemPhrases.get(stems[i]);
          if (sgroup) {
            var inflected = matchAt(text, w, stems, i, sgroup, true);
            if (inflected !== null && (hit === null || inflected[0] > hit[0])) {
              hit = inflected;
              byStem = true;
            }
          }
        }
        if (hit === null) {
          i++;
          continue;
        }
        var end = hit[0];
        var name = hit[1];
        var stop = null;
        if (particles && stems !== null && byStem) {
          var last = end - 1;
          if (cpLen(text.slice(w.starts[last], w.ends[last])) === cpLen(keys[last])) {
            var own = name.last;
            var kept = keys[last].startsWith(own) ? cpLen(own) : cpLen(stems[last]);
            stop = fwd(text, w.starts[last], kept);
          }
        }
        found.push({ start: i, end: end, name: name, stop: stop });
        i = end;
      }
      return found;
    }

    function Sentences(text) {
      var ends = [];
      sentenceRe.lastIndex = 0;
      var m;
      while ((m = sentenceRe.exec(text)) !== null) {
        ends.push(sentenceRe.lastIndex);
        if (m[0].length === 0) sentenceRe.lastIndex++;
      }
      this.ends = ends;
      this.length = text.length;
    }
    Sentences.prototype.index = function (pos) {
      var lo = 0;
      var hi = this.ends.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (pos < this.ends[mid]) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    Sentences.prototype.bounds = function (pos) {
      var i = this.index(pos);
      return [i ? this.ends[i - 1] : 0, i < this.ends.length ? this.ends[i] : this.length];
    };

    function afterOwnName(text, start, end, previous, name) {
      if (previous === null || previous.name.term !== name.term) return false;
      return (
        openBracket.test(text.slice(back(text, start, ownBefore), start)) &&
        closeBracket.test(text.slice(end, fwd(text, end, ownAfter)))
      );
    }

    function patternFits(text, start, end, name, sentences) {
      var b = sentences.bounds(start);
      var before = text.slice(Math.max(b[0], back(text, start, patternReach)), start);
      var after = text.slice(end, Math.min(b[1], fwd(text, end, patternReach)));
      for (var i = 0; i < name.patterns.length; i++) {
        var p = name.patterns[i];
        if (p[0] !== null && p[0].test(before)) return true;
        if (p[1] !== null && p[1].test(after)) return true;
      }
      return false;
    }

    function countKinds(signs) {
      var kinds = new Set();
      signs.forEach(function (s) {
        kinds.add(s[1]);
      });
      return kinds.size;
    }

    function medicalSentences(w, cands, sentences) {
      if (
        !cands.some(function (c) {
          return c.name.policy === CONTEXT && c.name.term !== null;
        })
      ) {
        return new Set();
      }
      var signs = [];
      cands.forEach(function (c) {
        if (c.name.term !== null && c.name.policy === ALWAYS) signs.push([w.starts[c.start], c.name.term]);
      });
      if (countKinds(signs) >= medicalTextSigns) return null;
      var inside = new Set();
      cands.forEach(function (c) {
        if (c.name.term === null || c.name.policy !== ALWAYS) {
          for (var k = c.start; k < c.end; k++) inside.add(k);
        }
      });
      var tables = [[w.keys, cues]];
      if (w.stems !== null) tables.push([w.stems, stemCues]);
      tables.forEach(function (t) {
        var ws = t[0];
        var tab = t[1];
        for (var i = 0; i < ws.length; i++) {
          if (inside.has(i)) continue;
          var group = tab.get(ws[i]);
          if (!group) continue;
          for (var g = 0; g < group.length; g++) {
            var phrase = group[g][0];
            var same = i + phrase.length <= ws.length;
            for (var k = 0; same && k < phrase.length; k++) same = ws[i + k] === phrase[k];
            if (same) {
              signs.push([w.starts[i], ""]);
              break;
            }
          }
        }
      });
      if (countKinds(signs) >= medicalTextSigns) return null;
      var near = new Set();
      signs.forEach(function (s) {
        var k = sentences.index(s[0]);
        near.add(k - 1);
        near.add(k);
        near.add(k + 1);
      });
      return near;
    }

    function link(text, w, cands, medical) {
      var spans = [];
      if (!cands.length) return spans;
      var starts = w.starts;
      var ends = w.ends;
      function endOf(c) {
        return c.stop !== null ? c.stop : ends[c.end - 1];
      }
      if (
        !cands.some(function (c) {
          return c.name.term !== null && c.name.policy !== ALWAYS;
        })
      ) {
        cands.forEach(function (c) {
          if (c.name.term !== null) spans.push({ start: starts[c.start], end: endOf(c), id: c.name.term });
        });
        return spans;
      }
      var sentences = new Sentences(text);
      var context = medical ? null : medicalSentences(w, cands, sentences);
      var named = new Map();
      if (
        cands.some(function (c) {
          return c.name.policy === PATTERN;
        })
      ) {
        cands.forEach(function (c) {
          if (c.name.term !== null && c.name.policy === ALWAYS) {
            if (!named.has(c.name.term)) named.set(c.name.term, new Set());
            named.get(c.name.term).add(sentences.index(starts[c.start]));
          }
        });
      }
      var previous = null;
      cands.forEach(function (c) {
        var name = c.name;
        var start = starts[c.start];
        var end = endOf(c);
        var keep = false;
        if (name.term === null) {
          keep = false;
        } else if (name.policy === ALWAYS || afterOwnName(text, start, end, previous, name)) {
          keep = true;
        } else if (name.policy === PATTERN) {
          var s = sentences.index(start);
          var seen = named.get(name.term);
          keep = (seen !== undefined && (seen.has(s) || seen.has(s - 1))) || patternFits(text, start, end, name, sentences);
        } else if (name.policy === CONTEXT) {
          keep = context === null || context.has(sentences.index(start));
        }
        if (keep) spans.push({ start: start, end: end, id: name.term });
        previous = keep ? c : null;
      });
      return spans;
    }

    function annotate(text, options) {
      var medical = !!(options && options.medical);
      var w = words(String(text));
      return link(String(text), w, candidates(String(text), w), medical);
    }

    // tokens(): the words as the engine splits and folds them, for tests.
    function tokens(text) {
      var w = words(String(text));
      return w.keys.map(function (key, i) {
        return [w.starts[i], w.ends[i], key];
      });
    }

    return { locale: data.locale, version: data.version, annotate: annotate, tokens: tokens };
  }

  return { FORMAT: FORMAT, create: create };
})();
//CLASSIC
if (typeof window !== "undefined") window.GlossaryMatcher = GlossaryMatcher;
