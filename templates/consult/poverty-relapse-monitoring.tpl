id: consult-poverty-relapse-monitoring
kind: consult
title: 防止返贫监测帮扶申报
domain: rural-revitalization
subject: 家里因病开支大，能纳入防返贫监测吗
keypoint: 自主申报 | 申报
keypoint: 村委会 | 村级
keypoint: 刚性支出 | 因病
reference: 因病、因灾、因意外事故等刚性支出较大或收入大幅缩减，导致基本生活出现严重困难的农户，可以纳入防止返贫监测对象。农户可以自主申报，向所在村委会提出申请，也可以拨打当地防返贫监测帮扶热线申报，经村级初核、乡镇审核、县级部门比对确认后纳入监测，并落实针对性的帮扶措施。
valid_from: 2023-01-01
valid_until: 2026-12-31

我家在农村，去年父亲做了心脏手术，花了十几万，现在还欠着债，收入也少。听说有防止返贫监测帮扶，我们家能不能申请，怎么申请？
