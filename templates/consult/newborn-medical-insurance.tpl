id: consult-newborn-medical-insurance
kind: consult
title: 新生儿参加城乡居民医保
domain: medical-insurance
subject: 孩子刚出生，怎么办医保
keypoint: 出生医学证明
keypoint: 自出生之日起 | 出生之日起
reference: 新生儿可以凭出生医学证明办理城乡居民医保参保登记，不必等到上户口。在规定时间内（一般为出生后3个月内，具体以当地当年的征缴通知为准）参保缴费的，自出生之日起享受医保待遇，出生后住院的费用可以按规定报销。可以通过医保服务平台等线上渠道，或到户籍地、居住地的医保经办机构或乡镇（街道）社保窗口办理。
valid_from: 2023-01-01
valid_until: 2026-12-31

孩子上个月刚出生，还没上户口。请问新生儿怎么参加医保？出生后住院的费用能报销吗？
