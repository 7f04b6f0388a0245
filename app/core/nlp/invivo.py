"""In-vivo proposals: the key terms of a passage or a document, offered as names for new codes.

TF-IDF with jieba's own IDF table (shipped in the jieba package; the words are cut with the codebook's
user dictionary) is the default: about 10 ms on 5,000 characters. TextRank (jieba's, on nouns and
verbs, which needs jieba's part-of-speech tagger) is on demand: slower, and better at phrases that
recur in one long text. Both drop :data:`STOP_WORDS` (words of talk that name nothing: 我们, 就是,
然后…), numbers, single characters and the names the codebook already has.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Literal

from app.core.codebook import list_codes
from app.core.documents import document_text
from app.core.errors import ValidationError
from app.core.nlp import segment
from app.core.project import Project

__all__ = ["STOP_WORDS", "KeyTerm", "document_key_terms", "key_terms"]

Method = Literal["tfidf", "textrank"]

#: Words of interview talk that carry no concept: pronouns, fillers, connectives, auxiliaries,
#: vague quantities and time words. Written for Guiji (short on purpose: TF-IDF's IDF already
#: weighs down the commonest words; this list removes the ones an interview makes frequent).
_STOP_TEXT = """
我 我们 你 你们 您 他 他们 她 她们 它 它们 咱们 大家 自己 人家 别人 有人 这 那 这个 那个 这些
那些 这样 那样 这种 那种 这么 那么 这里 那里 这边 那边 哪里 哪个 什么 怎么 怎么样 为什么 如何
多少 几个 一些 一点 一下 一个 一种 一直 一起 一样 一般 一定 一次 还是 就是 然后 但是 可是 不过
因为 所以 而且 并且 或者 如果 虽然 只是 只有 还有 还要 也是 都是 就是说 也就是说 比如 比如说
例如 其实 当然 反正 肯定 可能 应该 可以 能够 需要 觉得 感觉 认为 知道 看到 说 讲 说是 问 答
访谈 访谈者 受访者 时候 的话 之后 以后 以前 之前 后来 当时 现在 今天 昨天 明天 去年 今年 年 月
日 那时候 这时候 时间 东西 事情 问题 方面 情况 地方 部分 样子 方式 主要 比较 非常 特别 真的
确实 基本 基本上 已经 正在 还 很 太 最 更 都 也 又 再 就 才 只 没 没有 不 不是 不会 不能 有 是
在 和 跟 与 及 以及 对 对于 关于 把 被 让 给 的 地 得 了 着 过 吗 呢 吧 啊 呀 哦 嗯 哈 嘛 啦 哎
诶 喔 噢 呃 那个那个 这个这个 对对 对对对 好的 好 对 嗯嗯 是的 没错 起来 出来 下来 上去 进去
开始 进行 通过 一方面 另一方面 包括 之类 等等 什么的 左右 上面 下面 里面 外面 中间 其中
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True)
class KeyTerm:
    """A proposed code name: its weight (TF-IDF or TextRank), how often it occurs, and the method."""

    term: str
    weight: float
    count: int
    method: Method

    def as_dict(self) -> dict[str, Any]:
        return {
            "term": self.term, "weight": round(self.weight, 4), "count": self.count, "method": self.method,
        }


_extractors: dict[str, Any] = {}


def _extractor(method: Method) -> Any:
    with segment.LOCK:
        found = _extractors.get(method)
        if found is None:
            segment.jieba_module()
            # jieba.analyse reads its IDF table with open(...).read() and never closes the file.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                from jieba.analyse.textrank import TextRank
                from jieba.analyse.tfidf import TFIDF

                found = TFIDF() if method == "tfidf" else TextRank()
            found.stop_words = set(found.stop_words) | STOP_WORDS
            _extractors[method] = found
        return found


def _keep(term: str, exclude: set[str]) -> bool:
    return len(term) >= 2 and not term.isdigit() and term not in STOP_WORDS and term not in exclude and any(
        ch.isalpha() for ch in term
    )


def key_terms(
    text: str, *, top: int = 20, method: Method = "tfidf", exclude: set[str] | None = None
) -> list[KeyTerm]:
    """The ``top`` key terms of ``text``, best first."""
    if method not in ("tfidf", "textrank"):
        raise ValidationError(f"unknown key-term method {method!r} (tfidf or textrank)", code="value.choice",
                              params={"value": method, "allowed": "tfidf, textrank"})
    if top < 1:
        raise ValidationError("ask for at least one key term", code="value.at_least_one", params={"value": top})
    skip = exclude or set()
    extractor = _extractor(method)
    with segment.LOCK:
        # Ask for more than needed: stop words and existing names are dropped afterwards.
        found = extractor.extract_tags(text, topK=top * 3 + 10, withWeight=True)
    out = [
        KeyTerm(term, float(weight), text.count(term), method) for term, weight in found if _keep(term, skip)
    ]
    return out[:top]


def document_key_terms(
    project: Project,
    document_id: int,
    *,
    start: int | None = None,
    end: int | None = None,
    top: int = 20,
    method: Method = "tfidf",
) -> list[KeyTerm]:
    """Key terms of a document (or of ``[start, end)`` of it) that are not yet code names."""
    text = document_text(project, document_id)
    if start is not None or end is not None:
        s, e = start or 0, len(text) if end is None else end
        if not 0 <= s < e <= len(text):
            raise ValidationError(f"the range {s}–{e} is not inside the text (0–{len(text)} characters)",
                                  code="range.outside_text", params={"start": s, "end": e, "length": len(text)})
        text = text[s:e]
    segment.use_codebook(project)
    names = {c.name for c in list_codes(project)}
    return key_terms(text, top=top, method=method, exclude=names)
