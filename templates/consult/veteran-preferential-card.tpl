id: consult-veteran-preferential-card
kind: consult
title: 退役军人优待证申领
domain: veterans
subject: 退役军人优待证怎么申请
keypoint: 服务站 | 服务中心 | 退役军人事务局
keypoint: 身份证
keypoint: 退伍证 | 退役证件 | 退出现役
reference: 退役军人可以向户籍所在地的村（社区）或乡镇（街道）退役军人服务站提出申请，需要提供居民身份证、退役证件（如退伍证、退出现役证明）和近期照片等材料，经审核后制发优待证，凭证享受相关优待。
valid_from: 2023-01-01
valid_until: 2026-12-31
note: 依据：《中华人民共和国退役军人保障法》第六十二条；退役军人事务部《退役军人、其他优抚对象优待证管理办法（试行）》。

我退伍快二十年了，户口在随州。请问退役军人优待证怎么申请？需要带什么？
