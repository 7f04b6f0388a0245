"""Guiji's jieba hook: the dictionary, the part-of-speech tables (``guiji names``) and the IDF table
(``guiji keywords``); not the paddle-mode ``lac_small`` model, which Guiji never enables."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("jieba", excludes=["lac_small/**"])
