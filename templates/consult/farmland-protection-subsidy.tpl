id: consult-farmland-protection-subsidy
kind: consult
title: 耕地地力保护补贴领取
domain: agriculture
subject: 种粮补贴怎么领，按什么面积算
keypoint: 一卡通 | 社会保障卡 | 银行卡
keypoint: 承包 | 确权 | 面积
keypoint: 公示 | 村级
reference: 耕地地力保护补贴的对象原则上是拥有耕地承包权的种地农民，补贴面积一般以二轮承包耕地面积、确权耕地面积或粮食种植面积为依据（具体以当地实施方案为准）。经村级申报和公示、乡镇审核、县级审定后，通过惠民惠农财政补贴资金“一卡通”直接发放到农户的社会保障卡或银行卡。
valid_from: 2023-01-01
valid_until: 2026-12-31

我家在农村承包了十几亩地，一直种水稻。请问耕地地力保护补贴怎么领？按什么面积算？什么时候发？
