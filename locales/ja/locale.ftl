## About this locale. The program reads these; see README "Languages and message files".
locale-name = 日本語
locale-html-lang = ja
locale-content = ja
locale-order = 1
