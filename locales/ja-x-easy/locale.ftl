## About this locale. The program reads these; see README "Languages and message files".
## やさしい日本語 (easy Japanese) for readers still learning Japanese: short sentences,
## everyday words. Its pages say lang="ja". The back-office is not translated: its files
## are read from Japanese.
locale-name = やさしい日本語
locale-html-lang = ja
locale-content = ja
locale-order = 2
locale-fallback = ja
locale-fallback-files = backoffice.ftl exports.ftl countries.ftl
