"""Shapes of result statements, checked on every score of a sentence (the case table checks the first)."""

import pytest

from extractor import extract
from extractor.evaluate import field_right

# sentence, [(value, benchmark, metric)] of its score claims in text order; None is not checked
CASES = [
    ("Our parser reaches 86.41, 85.46, and 94.2 F1 scores on ACE2004, ACE2005, and NNE, respectively.",
     [(86.41, "ACE 2004|ACE2004", "F1"), (85.46, "ACE 2005|ACE2005", "F1"), (94.2, "NNE", "F1")]),
    ("We get a new best on Pascal VOC (val: 66.3, test: 66.5).", [(66.3, "Pascal VOC", None), (66.5, "Pascal VOC", None)]),
    ("It sets a new bound (mAP 49.4 with ResNet-101, 51.2 with SENet154).", [(49.4, None, "mAP"), (51.2, None, "mAP")]),
    ("Our parser reaches 86.41% F1, 85.46% F1, and 94.2% F1 on ACE2004, ACE2005, and NNE, respectively.",
     [(86.41, "ACE 2004|ACE2004", "F1"), (85.46, "ACE 2005|ACE2005", "F1"), (94.2, "NNE", "F1")]),
    ("The model achieves 5.53% WER on WSJ, and 5.42% and 14.70% on the clean and noisy sets of LibriSpeech.",
     [(5.53, "WSJ", "WER"), (5.42, None, "WER"), (14.70, None, "WER")]),
    ("Accuracies of 91.2% and 68.5% are obtained on CIFAR-10 and CIFAR-100, respectively, with one network.",
     [(91.2, "CIFAR-10", "accuracy"), (68.5, "CIFAR-100", "accuracy")]),
    ("With extensive tuning of the augmentation schedule and of the teacher network over many runs, our final "
     "system obtains a test accuracy of 95.1% in the end, which is the best published number on SVHN.",
     [(95.1, "SVHN", "accuracy")]),
    # "BENCH set with NUM METRIC, NUM METRIC and NUM METRIC": the list after "with" is that benchmark's
    ("Our detector sets new records on the COCO val set with 58.1% PQ, the Cityscapes val set with 68.2% PQ, "
     "44.3% AP, and 83.1% mIoU, and ADE20K with 50.2% PQ.",
     [(58.1, "COCO", "PQ"), (68.2, "Cityscapes", "PQ"), (44.3, "Cityscapes", "mAP"), (83.1, "Cityscapes", "mIoU"),
      (50.2, "ADE20K", "PQ")]),
    # a change whose end is followed by its relative size, a change in parentheses, a metric after a slash
    ("Our counter lowers the mean absolute error from 19.45 to 12.07 (38%) on the crowd images.",
     [(19.45, None, "MAE"), (12.07, None, "MAE")]),
    ("It beats the prior model by 9.1% in macro F1 (from 21.4 to 23.3, p<0.01).", [(21.4, None, "F1"), (23.3, None, "F1")]),
    ("Our flow models improve the best negative log-likelihood on CIFAR-10 from 3.35 to 3.28.",
     [(3.35, "CIFAR-10", "NLL"), (3.28, "CIFAR-10", "NLL")]),
    # complements in a list of two metrics; names paired with scores only when they form one list
    ("On ImageNet our best model achieves top-1 and top-5 errors of 24.11% and 7.32%, respectively.",
     [(24.11, "ImageNet", "top-1 error"), (7.32, "ImageNet", "top-5 error")]),
    ("We lower the error rate on CUB by 41.3% (accuracy from 86.12% to 91.85%).",
     [(86.12, None, "accuracy"), (91.85, None, "accuracy")]),
    # an IoU threshold is a setting, not a result
    ("Our detector gains most at strict IoU thresholds (IoU > 0.7), reaching 38.2 AP on COCO.", [(38.2, "COCO", "mAP")]),
    # a change's two values are on one benchmark: the one after the change, or the one before it
    ("We raise accuracy on SVHN from 95.1% to 96.4% and on STL-10 from 81.3% to 84.0%.",
     [(95.1, "SVHN", "accuracy"), (96.4, "SVHN", "accuracy"), (81.3, "STL-10", "accuracy"), (84.0, "STL-10", "accuracy")]),
    ("It lifts PSNR from 30.12 dB to 31.05 dB on Set14 and from 27.40 dB to 28.11 dB on Urban100.",
     [(30.12, "Set14", "PSNR"), (31.05, "Set14", "PSNR"), (27.40, "Urban100", "PSNR"), (28.11, "Urban100", "PSNR")]),
    # "NAME (NUM), NAME (NUM) and NAME (NUM) datasets": each value is on the name before it
    ("Our segmenter reaches the best mIoU on the RGBP-Glass (88.12%), PolarSeg (71.3%), and MCubeS (49.02%) datasets.",
     [(88.12, "RGBP-Glass", "mIoU"), (71.3, "PolarSeg", "mIoU"), (49.02, "MCubeS", "mIoU")]),
    # "respectively" pairs scores with a list of names the catalogue knows only in part, or not at all
    ("The network reaches AUCs of 0.9723, 0.9688, and 0.9790 on three retina datasets, namely DRIVE, RetinaX, and STARE, respectively.",
     [(0.9723, "DRIVE", "AUC"), (0.9688, "RetinaX", "AUC"), (0.9790, "STARE", "AUC")]),
    ("Our counter reaches MAE of 61.2, 7.1 and 90.3 on CrowdA, CrowdB and JHU_Crowd, respectively.",
     [(61.2, "CrowdA", "MAE"), (7.1, "CrowdB", "MAE"), (90.3, "JHU_Crowd", "MAE")]),
    # lists of names ended by "sets", slash pairs of names, "the X benchmark to NUM", a lower-is-better metric "reduced to"
    ("The system reaches 6.1% and 11.9% WER on the Switchboard and CallHome sets.",
     [(6.1, "Switchboard", "WER"), (11.9, "CALLHOME|CallHome", "WER")]),
    ("Our recipe lowers the word error rate to 5.9%/11.2% on the Switchboard/CallHome subsets.",
     [(5.9, "Switchboard", "WER"), (11.2, "CALLHOME|CallHome", "WER")]),
    ("The model pushes the WNLI benchmark to 91%, and the WSC benchmark to 77.3%.", [(91.0, "WNLI", "accuracy"), (77.3, "WSC", None)]),
    ("A better decoder further reduces the phone error rate to 16.9% on TIMIT.", [(16.9, "TIMIT", "PER")]),
    # a speed aside between a score and the benchmark after it
    ("On one GPU, FastSeg yields 76.1 mIoU at 110 FPS on Cityscapes and 73.2 mIoU at 215 FPS on CamVid.",
     [(76.1, "Cityscapes", "mIoU"), (73.2, "CamVid", "mIoU")]),
    # a list of scores, each with its gain in parentheses
    ("Our parser improves the best F1 scores on the three treebanks to 91.3 (+0.8), 88.2 (+1.2) and 85.0 (+0.4), respectively.",
     [(91.3, None, "F1"), (88.2, None, "F1"), (85.0, None, "F1")]),
    # a metric after the number, or named just before it
    ("The tracker reaches 61.3 HOTA on DanceTrack and 58.2 IDF1.", [(61.3, "DanceTrack", "HOTA"), (58.2, None, "IDF1")]),
    ("Our language model reaches 1.08 bits per character on enwik8.", [(1.08, "enwik8", "bits per character")]),
    ("The network has a mean target registration error of 1.21 mm on the lung scans.",
     [(1.21, None, "target registration error")]),
    ("The classifier reaches an AUC (0.913) well above the baselines.", [(0.913, None, "AUC")]),
    ("The segmenter obtains a Dice coefficient of 0.874 and a Hausdorff distance of 5.2 mm.",
     [(0.874, None, "Dice"), (5.2, None, "Hausdorff distance")]),
    # a value on a benchmark with no metric named
    ("Our detector achieves 51.2 on COCO test-dev and 47.9 on LVIS.", [(51.2, "COCO", None), (47.9, "LVIS", None)]),
    # values joined by slashes, paired with as many metrics or benchmarks
    ("We reach rank-1/mAP 91.05%/83.28% on RegDB.", [(91.05, "RegDB", "rank-1 accuracy"), (83.28, "RegDB", "mAP")]),
    ("The model reaches 68.5%/81.4% top-1 accuracy on SSv2 and Kinetics-400, respectively.",
     [(68.5, None, "top-1 accuracy"), (81.4, "Kinetics-400", "top-1 accuracy")]),
    # "score of" next to an aside; two changes in one sentence are four scores
    ("Our encoder obtains a GLUE score of 80.2 (0.9 lower than the teacher).", [(80.2, "GLUE", None)]),
    ("On Market-1501, rank-1 accuracy rises from 51.2% to 79.4% for AlexNet, and from 70.1% to 83.0% for VGG-16.",
     [(51.2, "Market-1501", "rank-1 accuracy"), (79.4, None, "rank-1 accuracy"), (70.1, None, "rank-1 accuracy"),
      (83.0, None, "rank-1 accuracy")]),
    # a model's parenthesis between a score and "on BENCH" does not part them
    ("We reach 85.1% top-1 accuracy with ViT-B on ImageNet and 51.3 mAP with Mask R-CNN (Swin-T) on COCO.",
     [(85.1, "ImageNet", "top-1 accuracy"), (51.3, "COCO", "mAP")]),
    # a metric named before a colon in parentheses
    ("A ResNeXt-101 model achieves 86.4% top-1 accuracy on ImageNet (top-5: 98.0%).",
     [(86.4, "ImageNet", "top-1 accuracy"), (98.0, None, "top-5 accuracy")]),
    # "respectively" pairs with the benchmarks of the sentence before when its own sentence names none
    ("We test on two benchmarks: Human3.6M and MPI-INF-3DHP. PoseMix reaches MPJPE of 39.1 mm and 17.0 mm, respectively.",
     [(39.1, "Human3.6M", "MPJPE"), (17.0, "MPI-INF-3DHP", "MPJPE")]),
    # a list of values before a list of as many benchmarks, with or without "respectively"
    ("Our flow model sets FIDs of 4.12, 6.30 and 9.85 on CelebA, LSUN and FFHQ.",
     [(4.12, "CelebA", "FID"), (6.30, "LSUN", "FID"), (9.85, "FFHQ", "FID")]),
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_every_score_of_the_sentence(sentence, expected):
    scores = [c for c in extract(sentence) if c.kind == "score"]
    assert [round(c.value, 4) for c in scores] == [v for v, _, _ in expected]
    for claim, (_, benchmark, metric) in zip(scores, expected):
        if benchmark is not None:
            assert field_right(claim.benchmark, benchmark), (claim.surface, claim.benchmark)
        assert field_right(claim.metric, metric), (claim.surface, claim.metric)


GPTQ = ("We show experimentally that these improvements can be leveraged for end-to-end inference speedups over FP16, "
        "of around 3.25x when using high-end GPUs (NVIDIA A100) and 4.5x when using more cost-effective ones "
        "(NVIDIA A6000).")
MULAN = ("Achieving comparable generation capabilities in over 110 languages with CLIP similarity scores nearly matching "
         "those in English (38.61 for English vs. 37.61 for other languages); and (3) Broad applicability.")
TF_RUNTIME = ("Comparing with using the recommended configurations for concurrency control and operation scheduling in "
              "TensorFlow, our approach achieves 33% performance (execution time) improvement on average (up to 49%) "
              "for three neural network models.")

# sentence, kind, value, the claim's fields that must hold (the seed systems the results issue names)
CLAIM_CASES = [
    # the paper's method is the name the proposal gives it, not an acronym of a later clause
    ("We propose lens modulation networks (LensNets in short), where self-attention (SA) is replaced by a lens module. "
     "LensNets reach 84.1% top-1 accuracy on ImageNet.", "score", 84.1, {"subject": "LensNets"}),
    # gains however they are introduced: "by at least", margins in parentheses, lists of points, "the improvement ... is"
    ("We outperform all published methods by at least 2.9% mIoU on the nuScenes benchmark.", "improvement", 2.9, {}),
    ("It beats existing methods by large margins (4.12 mAP on HICO-DET, and 3.3 mAP on V-COCO).", "improvement", 3.3, {}),
    ("We report an increase of 2.41 F1 points on the full papers, 0.11 F1 points on the abstracts.", "improvement", 0.11, {}),
    ("The relative improvement in frame accuracy of our model is 2.61% and 4.02% on the two datasets, respectively.",
     "improvement", 4.02, {}),
    ("TinyMLP only uses 38% GFLOPs of ViT-B but matches its accuracy.", "improvement", 62.0, {}),
    # the system a "that NAME VERB" clause is about
    ("Experiments on ImageNet-1K demonstrate that GrowNet achieves better accuracy while reducing around 5.2x total training costs.",
     "reduction", 5.2, {"subject": "GrowNet"}),
    # the model whose possessive metric changes, and a model named before "which achieves"
    ("For example, we raise DenseNet-121's top-1 validation accuracy from 74.9% to 77.8% on ImageNet.", "score", 77.8,
     {"subject": "DenseNet-121", "own": True}),
    ("We train a strong EfficientNet-B0 model for ImageNet, which achieves 79.6% top-1 accuracy.", "score", 79.6,
     {"subject": "EfficientNet-B0"}),
    # a compared method's score in parentheses is that method's, quoted
    ("Our tagger outperforms earlier methods such as CRF-Net (88.1%), BiLSTM (89.4%), and BERT-base (91.2%) on CoNLL-2003.",
     "score", 89.4, {"subject": "BiLSTM", "own": False}),
    # the rest of a list of gains is gains
    ("DeepX improves the state of the art by a margin of 12% on KITTI and even 31% on nuScenes.", "improvement", 31.0, {}),
    ("Our model beats the Transformer baseline by 2.11, 1.62 and 0.98 BLEU points respectively.", "improvement", 1.62,
     {"metric": "BLEU"}),
    ("Our model beats the Transformer baseline by 2.11, 1.62 and 0.98 BLEU points respectively.", "improvement", 0.98, {}),
    ("We outperform the best published systems by more than 8 F1 and 25 recall points, respectively.", "improvement", 25.0, {}),
    ("Our tagger brings a 4% absolute accuracy gain over the strongest open baseline of its size and 2% over GPT-J.",
     "improvement", 2.0, {}),
    # "NUM on BENCH" wins over a benchmark named earlier in the sentence
    ("MRR is improved by 4% on the FB15k-237 dataset while reaching 91% on the NELL-995 dataset.", "score", 91.0,
     {"benchmark": "NELL-995"}),
    (GPTQ, "speedup", 4.5, {"hardware": "NVIDIA RTX A6000", "baseline": "FP16"}),
    (GPTQ, "speedup", 3.25, {"hardware": "NVIDIA A100", "qualifier": "approx"}),
    (MULAN, "score", 38.61, {"metric": "CLIP similarity"}),
    ("Our sampler beats the previous best one-step model (FID=7.12) with an FID of 3.90.", "score", 7.12, {"own": False}),
    ("Our sampler beats the previous best one-step model (FID=7.12) with an FID of 3.90.", "score", 3.90, {"own": True}),
    ("Mixer-L, with 61M parameters, realizes 83.9% top-1 accuracy on ImageNet.", "score", 83.9, {"subject": "Mixer-L"}),
    ("Rank-1 accuracy rises from 51.2% to 79.4% for AlexNet, and from 70.1% to 83.0% for VGG-16.", "score", 83.0,
     {"subject": "VGG-16"}),
    (MULAN, "score", 37.61, {"metric": "CLIP similarity"}),
    # a score that names no metric: the one metric the abstract names, else the benchmark's usual one
    ("Our network reaches 86.2% on CIFAR-100 and 97.9% on CIFAR-10.", "score", 86.2, {"metric": "accuracy"}),
    ("We report the mIoU of each model. SegLite gets 80.1 on Cityscapes and 46.3 on ADE20K.", "score", 46.3,
     {"metric": "mIoU"}),
    ("Our classifier reaches 95.2% on AG News.", "score", 95.2, {"metric": None}),
    # the acronym defined after the method's name is its own only when it starts like the name
    ("We present Q-LAS, a scheduler for deep learning clusters. Q-LAS improves the averaged job completion time (JCT) "
     "by 9x over a YARN-based resource manager.", "speedup", 9.0, {"subject": "Q-LAS"}),
    # a baseline named by a noun phrase of a comparison, before the claim or after it
    ("Compared to the static setup with 512 GB DRAM, CacheTune can improve throughput by up to 8.1%.", "improvement", 8.1,
     {"baseline": "static setup"}),
    ("Our design offers 1.6x higher throughput than a same-generation GPU.", "speedup", 1.6, {"baseline": "same-generation GPU"}),
    (TF_RUNTIME, "improvement", 49, {"qualifier": "max"}),
    (TF_RUNTIME, "improvement", 33, {"qualifier": "mean"}),
    (TF_RUNTIME, "improvement", 49, {"baseline": "TensorFlow's recommended configurations|recommended configurations"}),
    (TF_RUNTIME, "improvement", 33, {"baseline": "TensorFlow's recommended configurations|recommended configurations"}),
]


@pytest.mark.parametrize("sentence, kind, value, fields", CLAIM_CASES)
def test_claim_fields(sentence, kind, value, fields):
    [claim] = [c for c in extract(sentence) if c.kind == kind and c.value is not None and abs(c.value - value) < 1e-9]
    for name, expected in fields.items():
        assert field_right(getattr(claim, name), expected), (name, getattr(claim, name))


@pytest.mark.parametrize("sentence, expected", [
    ("We set a new state of the art with an F1 score of 91.62 on CoNLL-2003 and 86.28 on OntoNotes.",
     [(91.62, "CoNLL 2003|CoNLL-2003"), (86.28, "OntoNotes")]),
    ("We improve bpc to 1.08 on text8 and perplexity to 18.3 on WikiText-103.", [(18.3, "WikiText-103|Wikitext-103")]),
])
def test_a_result_on_a_benchmark_named_right_after_it(sentence, expected):
    scores = {round(c.value, 4): c.benchmark for c in extract(sentence) if c.kind == "score"}
    for value, benchmark in expected:
        assert field_right(scores.get(value), benchmark), (value, scores)


@pytest.mark.parametrize("sentence", [
    "The results show consistent improvements from 1.1% to 2.9% across five datasets.",  # a range of gains
    "It brings an absolute increase of mAP on COCO between 0.7% and 1.9%.",               # a range of gains
])
def test_no_score(sentence):
    assert [c.surface for c in extract(sentence) if c.kind == "score"] == []


def test_a_year_in_a_name_is_not_a_list_head():
    sentence = "Our tracker reaches the best results on MOT 2017 & 2020, and 64.1 MOTA on MOT17."
    assert [c.value for c in extract(sentence) if c.kind == "score"] == [64.1]
