id: consult-out-of-province-treatment
kind: consult
title: 跨省异地就医备案和结算
domain: medical-insurance
subject: 去北京住院做手术，医保怎么报销
keypoint: 备案
keypoint: 直接结算 | 直接报销 | 联网结算
keypoint: 国家医保服务平台 | App | 小程序 | 医保经办
reference: 跨省异地就医需要先办理异地就医备案，可以通过国家医保服务平台App、微信小程序等线上渠道，或到参保地医保经办机构办理；急诊抢救等情况也可以先就医后补办备案。备案后在北京的跨省联网定点医疗机构住院，出院时可以直接结算，只需支付个人负担部分。未备案的，费用需要先垫付，回参保地按规定手工报销，报销比例会有所降低。
valid_from: 2023-01-01
valid_until: 2026-12-31

我父亲在随州参加城乡居民医保，最近要去北京的大医院做手术。请问要不要先办什么手续？出院时能不能直接报销？
