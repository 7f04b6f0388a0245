"""A small project whose codes can be learned: each code has its own words, and some filler talk."""

from __future__ import annotations

import random
from pathlib import Path

from app.core import codebook, coding, documents
from app.core.project import Project, create_project

CODER = "测试者"

# code path → sentences that express it (the model should learn these words).
TOPICS = {
    "内生因素/家属互助": [
        "家属们建了一个微信群，谁家有事大家都去帮忙。",
        "几个家属轮流帮着去医院拿药，互相照应。",
        "家属互助会每个月聚一次，交流照顾孩子的经验。",
        "有个妈妈说，群里的家属就像亲人一样互相帮忙。",
    ],
    "治理环境/空间营造": [
        "街道把闲置的车库改成了活动室，康复者每天都来。",
        "活动室白天给老人下棋，晚上给康复者做手工，场地错开用。",
        "我们在小区里开了一块菜园，大家一起种菜。",
        "物业腾出一间房子做驿站，里面摆了书架和沙发。",
    ],
    "禀赋资源/资源整合": [
        "一家物流企业捐了十万块钱，还提供了三个就业岗位。",
        "基金会的项目资金下来以后，我们请了专职社工。",
        "区民政局把几笔分散的经费统筹到一起，给项目用。",
        "超市老板每个月送米送油，还招了两个康复者做理货员。",
    ],
}
FILLER = [
    "嗯，这个我想一想。",
    "那天天气挺好的。",
    "您说得对，是这样的。",
    "我记不太清楚具体的时间了。",
    "后来就慢慢习惯了。",
    "这个问题不太好回答。",
]


def build_learnable_project(path: Path, *, documents_count: int = 6, seed: int = 7) -> Path:
    """A project of ``documents_count`` interviews, every topic sentence coded with its topic's code."""
    rng = random.Random(seed)
    with create_project(path) as project:
        ids = {p: codebook.create_code(project, p).id for p in TOPICS}
        for n in range(documents_count):
            lines: list[str] = []
            spans: list[tuple[str, int, int]] = []
            text = ""
            for _ in range(8):
                question = "访谈者：还有呢？\n"
                text += question
                topic = rng.choice(list(TOPICS))
                sentence = rng.choice(TOPICS[topic])
                filler = rng.choice(FILLER)
                answer = "受访者：" + filler
                start = len(text) + len(answer)
                answer += sentence
                spans.append((topic, start, start + len(sentence)))
                text += answer + "\n"
            lines.append(text)
            doc = documents.add_text_document(project, f"访谈{n + 1:02d}", text)
            for topic, start, end in spans:
                coding.apply_coding(project, document_id=doc.id, code_id=ids[topic], start=start, end=end,
                                    coder=CODER)
    return path


def add_document(project: Project, name: str, text: str) -> int:
    return documents.add_text_document(project, name, text).id


def need_gold_data() -> None:
    """Skip (fail under CI=true) when the shared CC0 transcripts of the gold set are missing."""
    import os

    import pytest

    from bench.gold.load import data_dir

    if not data_dir().is_dir():
        message = f"{data_dir()} not found: the shared CC0 transcripts of the gold set are missing"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
